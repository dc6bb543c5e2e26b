extension Assets {
    /// The voicemail inbox: filters, play, mark heard, delete (confirmed), download; live by SSE.
    static let voicemailJS = #"""
        "use strict";
        (() => {
          const $ = (id) => document.getElementById(id);
          const E = Desk.el;
          function fill(select, values, label) {
            const current = select.value;
            select.replaceChildren(E("option", { value: "" }, label), ...values.map((v) => E("option", { value: v }, v)));
            select.value = values.includes(current) ? current : "";
          }
          function statusCell(m) {
            const cell = E("td", {}, m.status);
            if (m.status === "recording") cell.append(E("span", { class: "tag rec" }, "recording now"));
            if (m.interrupted) cell.append(E("span", { class: "tag int", title: "the recorder stopped mid-message" }, "interrupted"));
            return cell;
          }
          function row(m) {
            const audio = E("audio", { controls: true, preload: "none", src: "/api/voicemail/" + m.id + "/audio" });
            audio.addEventListener("play", async () => {
              if (m.status === "new") { try { await Desk.api("POST", "/api/voicemail/" + m.id + "/status", { status: "heard" }); } catch (e) {} }
            });
            const heard = E("button", { class: "small", disabled: m.status === "recording" }, m.status === "new" ? "Mark heard" : "Mark new");
            heard.addEventListener("click", async () => {
              try { await Desk.api("POST", "/api/voicemail/" + m.id + "/status", { status: m.status === "new" ? "heard" : "new" }); load(); }
              catch (e) { Desk.say(e.message, true); }
            });
            const del = E("button", { class: "bad small", disabled: m.status === "recording" }, "Delete");
            del.addEventListener("click", async () => {
              if (!confirm("Delete the message from " + (m.caller_national || "an unknown caller") + "? This cannot be undone.")) return;
              try { await Desk.api("DELETE", "/api/voicemail/" + m.id); load(); } catch (e) { Desk.say(e.message, true); }
            });
            const download = E("a", { class: "button small", href: "/api/voicemail/" + m.id + "/download", download: "" }, "Download");
            return E("tr", { class: m.status === "new" ? "new" : "", "data-id": m.id },
              E("td", {}, Desk.time(m.received_at)),
              E("td", {}, m.caller_national || "withheld", m.caller ? E("div", { class: "muted" }, m.caller) : null),
              E("td", {}, m.mailbox || "–"), E("td", {}, m.topic || "–"),
              E("td", { class: "num" }, Desk.duration(m.duration)), statusCell(m),
              E("td", {}, audio), E("td", {}, E("div", { class: "row" }, heard, download, del)));
          }
          let shown = "";
          async function load() {
            const q = new URLSearchParams({ status: $("f-status").value, queue: $("f-queue").value, topic: $("f-topic").value });
            try {
              const data = await Desk.api("GET", "/api/voicemail?" + q);
              fill($("f-queue"), data.queues, "Every queue");
              fill($("f-topic"), data.topics, "Every topic");
              const key = JSON.stringify(data.messages);
              if (key === shown) return;
              shown = key;
              $("vm-rows").replaceChildren(...data.messages.map(row));
              $("vm-empty").hidden = data.messages.length > 0;
            } catch (e) { Desk.say(e.message, true); }
          }
          for (const id of ["f-status", "f-queue", "f-topic"]) $(id).addEventListener("change", () => { shown = ""; load(); });
          Desk.live("/api/voicemail/events", load);
        })();
        """#
}

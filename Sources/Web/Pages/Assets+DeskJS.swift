extension Assets {
    /// The agent desk: state buttons, next callback, voicemail player, outcome buttons; live by SSE.
    static let deskJS = #"""
        "use strict";
        (() => {
          const $ = (id) => document.getElementById(id);
          const params = new URLSearchParams(location.search);
          let agent = params.get("agent") || (Desk.user && Desk.user.agent) || "";
          let view = null, stop = null, playing = null;
          function query() { return agent ? "?agent=" + encodeURIComponent(agent) : ""; }
          function render(data) {
            if (!data || !data.agent) return;
            view = data;
            agent = data.agent.id;
            $("agent-name").textContent = data.agent.name + " (" + data.agent.id + ")";
            const st = $("agent-state");
            st.textContent = data.agent.state;
            st.className = "state st-" + data.agent.state;
            st.dataset.since = data.agent.since;
            tick();
            if (data.agents && data.agents.length) {
              $("pick-label").hidden = false;
              const pick = $("agent-pick");
              if (pick.options.length !== data.agents.length) {
                pick.replaceChildren(...data.agents.map((id) => Desk.el("option", { value: id }, id)));
              }
              pick.value = agent;
            }
            const s = data.agent.state;
            $("btn-ready").disabled = s === "available" || !!data.callback;
            $("btn-break").disabled = s === "on-break" || s === "logged-out";
            $("btn-logout").disabled = s === "logged-out";
            $("btn-next").disabled = !!data.callback || s === "logged-out" || s === "on-break";
            const cb = data.callback;
            $("cb").hidden = !cb;
            $("cb-empty").hidden = !!cb;
            if (!cb) { playing = null; $("cb-audio").removeAttribute("src"); return; }
            $("cb-national").textContent = cb.number_national;
            $("cb-e164").textContent = cb.number_e164;
            $("cb-id").textContent = "#" + cb.id;
            $("cb-queue").textContent = cb.queue;
            $("cb-topic").textContent = cb.topic || "–";
            $("cb-first").textContent = Desk.time(cb.first_called);
            $("cb-tries").textContent = cb.tries + " of " + cb.max_attempts;
            $("cb-until").textContent = Desk.time(cb.reserved_until);
            $("cb-notes").textContent = cb.notes || "–";
            const vm = cb.voicemail;
            $("cb-voicemail").hidden = !vm;
            if (vm) {
              $("cb-vm-meta").textContent = "Left " + Desk.time(vm.received_at) + ", " + Desk.duration(vm.duration)
                + (vm.status === "recording" ? " (still recording)" : "") + (vm.interrupted ? " (interrupted)" : "");
              if (playing !== vm.id) { playing = vm.id; $("cb-audio").src = "/api/voicemail/" + vm.id + "/audio"; }
            }
          }
          function tick() {
            const st = $("agent-state");
            if (st.dataset.since) $("agent-since").textContent = "for " + Desk.duration((Date.now() - Date.parse(st.dataset.since)) / 1000);
          }
          async function load() {
            try { render(await Desk.api("GET", "/api/desk" + query())); } catch (e) { Desk.say(e.message, true); }
          }
          function connect() {
            if (stop) stop();
            stop = Desk.live("/api/desk/events" + query(), render);
          }
          for (const id of ["btn-ready", "btn-break", "btn-logout"]) {
            $(id).addEventListener("click", async (event) => {
              const state = event.target.dataset.state;
              try {
                render(await Desk.api("POST", "/api/agents/" + encodeURIComponent(agent) + "/state",
                  { state, reason: state === "break" ? $("break-reason").value : undefined }));
                Desk.say("");
              } catch (e) { Desk.say(e.message, true); }
            });
          }
          $("btn-next").addEventListener("click", async () => {
            try { render(await Desk.api("POST", "/api/desk/next", { agent })); Desk.say(""); }
            catch (e) { Desk.say(e.status === 404 ? "No callback is due now." : e.message, e.status !== 404); }
          });
          for (const button of document.querySelectorAll("[data-outcome]")) {
            button.addEventListener("click", async () => {
              if (!view || !view.callback) return;
              const id = view.callback.id, outcome = button.dataset.outcome;
              try {
                const result = await Desk.api("POST", "/api/callbacks/" + id + "/outcome", { outcome, note: $("cb-note").value, agent });
                $("cb-note").value = "";
                Desk.say("Callback #" + id + ": " + outcome + (result.retry_scheduled ? " — another try is scheduled." : " — closed."));
                await load();
              } catch (e) { Desk.say(e.message, true); }
            });
          }
          $("agent-pick").addEventListener("change", (event) => {
            agent = event.target.value;
            history.replaceState(null, "", "/desk?agent=" + encodeURIComponent(agent));
            playing = null;
            load(); connect();
          });
          setInterval(tick, 1000);
          load(); connect();
        })();
        """#
}

extension Assets {
    /// The wallboard: queues and agents from `/api/wallboard/events`; waits tick every second.
    static let wallboardJS = #"""
        "use strict";
        (() => {
          const $ = (id) => document.getElementById(id);
          const E = Desk.el;
          let data = null, received = 0;
          function k(value, label, cls, key) {
            return E("div", { class: "k " + (cls || ""), "data-k": key }, E("b", {}, value), E("span", {}, label));
          }
          function pct(v) { return v === null || v === undefined ? "–" : Math.round(v * 100) + "%"; }
          function render() {
            if (!data) return;
            const age = (Date.now() - received) / 1000;
            const goal = data.sl_goal;
            $("queues").replaceChildren(...data.queues.map((q) => {
              const wait = q.waiting > 0 ? q.longest_wait_s + age : 0;
              const sl = q.sl_today;
              return E("section", { class: "q", "data-queue": q.name },
                E("h3", {}, q.title, E("small", {}, q.name + (q.open ? "" : " · closed"))),
                k(q.waiting, "waiting", q.waiting > 0 ? "hot" : "", "waiting"),
                k(Desk.duration(wait), "longest wait", wait > data.sl_seconds ? "hot" : "", "longest"),
                k(q.answered_today, "answered", "", "answered"),
                k(q.abandoned_today, "abandoned", q.abandoned_today > 0 ? "warn" : "", "abandoned"),
                k(pct(sl), "SL today · goal " + pct(goal), sl === null ? "" : (sl >= goal ? "good" : "hot"), "sl"),
                k(q.callbacks_due, "callbacks due", q.callbacks_due > 0 ? "warn" : "", "due"),
                k(q.callbacks_later, "later", "", "later"),
                k((q.agents["available"] || 0) + "/" + ((q.agents["available"] || 0) + (q.agents["on-call"] || 0) + (q.agents["ringing"] || 0) + (q.agents["wrap-up"] || 0) + (q.agents["on-break"] || 0)), "agents free", "", "free"));
            }));
            const order = { "available": 0, "ringing": 1, "on-call": 2, "wrap-up": 3, "on-break": 4, "logged-out": 5 };
            const agents = data.agents.slice().sort((a, b) => (order[a.state] - order[b.state]) || (a.in_state_s < b.in_state_s ? 1 : -1));
            $("agents").replaceChildren(...agents.map((a) => E("div", { class: "tile st-" + a.state, "data-agent": a.id },
              E("b", {}, a.name), E("span", {}, a.state + " · " + Desk.duration(a.in_state_s + age)))));
            $("updated").textContent = new Date(data.at).toLocaleTimeString();
          }
          Desk.live("/api/wallboard/events", (d) => { data = d; received = Date.now(); render(); },
            (up) => { $("conn").textContent = up ? "live" : "reconnecting…"; });
          setInterval(render, 1000);
        })();
        """#
}

extension Assets {
    /// Helpers every page uses: API calls with the CSRF token, live updates, formatting.
    static let commonJS = #"""
        "use strict";
        const Desk = (() => {
          const meta = document.querySelector('meta[name="csrf"]');
          const csrf = meta ? meta.content : "";
          const userMeta = document.querySelector('meta[name="user"]');
          const user = userMeta ? { name: userMeta.content, role: userMeta.dataset.role, agent: userMeta.dataset.agent } : null;
          async function api(method, url, body, raw) {
            const init = { method, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" };
            if (raw !== undefined) { init.body = raw; }
            else if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
            const response = await fetch(url, init);
            if (response.status === 401) { location.href = "/login"; throw new Error("signed out"); }
            let data = null;
            try { data = await response.json(); } catch (e) { data = null; }
            if (!response.ok) { const err = new Error((data && (data.error || data.message)) || response.statusText); err.status = response.status; err.data = data; throw err; }
            return data;
          }
          function live(url, onData, onState) {
            let source = null;
            function open() {
              source = new EventSource(url);
              source.onopen = () => onState && onState(true);
              source.onmessage = (event) => { try { onData(JSON.parse(event.data)); } catch (e) { console.error(e); } };
              source.onerror = () => { onState && onState(false); };
            }
            open();
            return () => source && source.close();
          }
          function duration(seconds) {
            if (seconds === null || seconds === undefined || isNaN(seconds)) return "–";
            const s = Math.max(0, Math.round(seconds));
            const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
            const mm = h ? String(m).padStart(2, "0") : String(m);
            return (h ? h + ":" : "") + mm + ":" + String(r).padStart(2, "0");
          }
          function time(iso) {
            if (!iso) return "–";
            const d = new Date(iso);
            const today = new Date();
            const sameDay = d.toDateString() === today.toDateString();
            return (sameDay ? "" : d.toLocaleDateString() + " ") + d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          }
          function el(tag, attrs, ...children) {
            const node = document.createElement(tag);
            for (const [k, v] of Object.entries(attrs || {})) {
              if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
              else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
            }
            for (const c of children) if (c !== null && c !== undefined) node.append(c.nodeType ? c : String(c));
            return node;
          }
          function say(text, bad) {
            const box = document.getElementById("message");
            if (!box) return;
            box.textContent = text || "";
            box.className = bad ? "error" : "muted";
          }
          return { api, live, duration, time, el, say, user, csrf };
        })();
        """#
}

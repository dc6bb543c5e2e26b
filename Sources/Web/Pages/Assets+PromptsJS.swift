extension Assets {
    /// The prompt studio: list, play, record from the microphone (Web Audio → 16-bit WAV), listen,
    /// keep or retry, upload a file.
    static let promptsJS = #"""
        "use strict";
        (() => {
          const $ = (id) => document.getElementById(id);
          const E = Desk.el;
          let prompts = [];
          const rec = { name: null, stream: null, ctx: null, node: null, chunks: [], rate: 48000, started: 0, timer: null, wav: null };
          function level(p) {
            if (!p.present) return "–";
            return p.rms_dbfs === null ? "silent" : p.rms_dbfs.toFixed(1) + " dBFS";
          }
          function row(p) {
            const warn = E("td", {}, ...(p.present ? [] : [E("span", { class: "tag warn" }, "missing")]),
              ...p.warnings.map((w) => E("div", { class: "tag warn" }, w)));
            if (p.present && p.warnings.length === 0) warn.append(E("span", { class: "tag ok" }, "ok"));
            const player = p.present ? E("audio", { controls: true, preload: "none", src: "/api/prompts/" + p.name + "/audio?v=" + Date.now() }) : "–";
            const record = E("button", { class: "primary small", "data-record": p.name }, "Record");
            record.addEventListener("click", () => start(p));
            const file = E("input", { type: "file", accept: "audio/*", hidden: true });
            file.addEventListener("change", () => { if (file.files[0]) send(p.name, file.files[0]); });
            const upload = E("button", { class: "small" }, "Upload…");
            upload.addEventListener("click", () => file.click());
            return E("tr", { "data-prompt": p.name }, E("td", {}, E("b", {}, p.name)), E("td", { class: "muted" }, p.text || ""),
              E("td", { class: "num" }, p.present ? p.duration.toFixed(2) + " s" : "–"), E("td", { class: "num" }, level(p)),
              warn, E("td", {}, player), E("td", {}, E("div", { class: "row" }, record, upload, file)));
          }
          async function load() {
            try { prompts = await Desk.api("GET", "/api/prompts"); $("prompt-rows").replaceChildren(...prompts.map(row)); }
            catch (e) { Desk.say(e.message, true); }
          }
          async function send(name, blob) {
            Desk.say("Levelling " + name + "…");
            try {
              const r = await Desk.api("POST", "/api/prompts/" + name + "/take", undefined, blob);
              Desk.say("Kept " + r.name + ": " + r.duration.toFixed(2) + " s at " + r.rms_dbfs.toFixed(1) + " dBFS (gain "
                + (r.gain_db >= 0 ? "+" : "") + r.gain_db.toFixed(1) + " dB)" + (r.backup ? "; previous take kept as .backup/" + r.backup : "")
                + (r.warnings.length ? ". " + r.warnings.join("; ") : ""));
              await load();
            } catch (e) { Desk.say(e.message, true); }
          }
          async function start(p) {
            rec.name = p.name; rec.chunks = []; rec.wav = null;
            $("recorder").hidden = false; $("rec-name").textContent = p.name; $("rec-text").textContent = p.text || "";
            $("rec-stop").hidden = false; $("rec-audio").hidden = true; $("rec-keep").hidden = true; $("rec-retry").hidden = true;
            try {
              rec.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
            } catch (e) { Desk.say("No microphone: " + e.message, true); return; }
            rec.ctx = new AudioContext();
            rec.rate = rec.ctx.sampleRate;
            const source = rec.ctx.createMediaStreamSource(rec.stream);
            rec.node = rec.ctx.createScriptProcessor(4096, 1, 1);
            rec.node.onaudioprocess = (event) => {
              const data = new Float32Array(event.inputBuffer.getChannelData(0));
              rec.chunks.push(data);
              let peak = 0; for (const v of data) peak = Math.max(peak, Math.abs(v));
              $("rec-level").style.width = Math.min(100, Math.round(peak * 100)) + "%";
            };
            source.connect(rec.node); rec.node.connect(rec.ctx.destination);
            rec.started = Date.now();
            rec.timer = setInterval(() => { $("rec-time").textContent = Desk.duration((Date.now() - rec.started) / 1000); }, 250);
            Desk.say("Recording " + p.name + ": speak, then press Stop.");
          }
          function finish() {
            clearInterval(rec.timer);
            if (rec.node) rec.node.disconnect();
            if (rec.stream) rec.stream.getTracks().forEach((t) => t.stop());
            if (rec.ctx) rec.ctx.close();
            rec.node = null; rec.stream = null; rec.ctx = null;
          }
          function wav(chunks, rate) {
            const count = chunks.reduce((n, c) => n + c.length, 0);
            const buffer = new ArrayBuffer(44 + count * 2), view = new DataView(buffer);
            const text = (o, s) => { for (let i = 0; i < s.length; i++) view.setUint8(o + i, s.charCodeAt(i)); };
            text(0, "RIFF"); view.setUint32(4, 36 + count * 2, true); text(8, "WAVE"); text(12, "fmt ");
            view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
            view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true);
            view.setUint16(34, 16, true); text(36, "data"); view.setUint32(40, count * 2, true);
            let o = 44;
            for (const c of chunks) for (const v of c) { const s = Math.max(-1, Math.min(1, v)); view.setInt16(o, s < 0 ? s * 32768 : s * 32767, true); o += 2; }
            return new Blob([buffer], { type: "audio/wav" });
          }
          $("rec-stop").addEventListener("click", () => {
            finish();
            rec.wav = wav(rec.chunks, rec.rate);
            $("rec-audio").src = URL.createObjectURL(rec.wav);
            $("rec-audio").hidden = false; $("rec-keep").hidden = false; $("rec-retry").hidden = false; $("rec-stop").hidden = true;
            Desk.say("Listen to the take, then keep it or record again.");
          });
          $("rec-keep").addEventListener("click", async () => {
            if (!rec.wav) return;
            $("recorder").hidden = true;
            await send(rec.name, rec.wav);
          });
          $("rec-retry").addEventListener("click", () => { const p = prompts.find((x) => x.name === rec.name); if (p) start(p); });
          $("rec-cancel").addEventListener("click", () => { finish(); $("recorder").hidden = true; Desk.say(""); });
          load();
        })();
        """#
}

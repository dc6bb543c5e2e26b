extension Assets {
    static let css = """
        :root{--bg:#f4f5f7;--card:#fff;--ink:#1d2430;--muted:#667085;--line:#d9dde3;--accent:#1f6feb;--ok:#1a7f37;
        --warn:#b35900;--bad:#c62828;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font-size:16px}
        main{padding:16px;max-width:1200px;margin:0 auto}
        nav.top{display:flex;align-items:center;gap:18px;padding:10px 18px;background:#17202b;color:#fff}
        nav.top a{color:#cfe0ff;text-decoration:none;font-weight:600}nav.top a:hover{text-decoration:underline}
        .brand{font-weight:800;letter-spacing:.02em}.grow{flex:1}.who{color:#aab4c3;font-size:14px}
        form.inline{display:inline;margin:0}button.link{background:none;border:0;color:#cfe0ff;cursor:pointer;font:inherit;padding:0}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin-bottom:16px}
        .narrow{max-width:420px;margin:60px auto}
        .login label{display:block;margin:12px 0}.login input{display:block;width:100%;padding:8px;font-size:16px;margin-top:4px}
        h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:0}
        .row{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
        button,.button{font:inherit;padding:8px 14px;border-radius:7px;border:1px solid var(--line);background:#fff;cursor:pointer;
        color:var(--ink);text-decoration:none;display:inline-block}
        button:hover,.button:hover{border-color:var(--accent)}button:disabled{opacity:.45;cursor:default}
        button.primary{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:600}
        button.good{border-color:var(--ok);color:var(--ok)}button.bad{border-color:var(--bad);color:var(--bad)}
        select,input{font:inherit;padding:7px;border-radius:6px;border:1px solid var(--line)}
        .muted{color:var(--muted)}.error{color:var(--bad);font-weight:600}
        .state{display:inline-block;padding:3px 10px;border-radius:99px;font-weight:700;font-size:14px;background:#e7eaf0}
        .st-available{background:#d6f5df;color:#0f5c27}.st-on-call,.st-ringing{background:#dbe8ff;color:#123e8a}
        .st-on-break,.st-wrap-up{background:#ffe9c7;color:#7a3e00}.st-logged-out{background:#eceef1;color:#555}
        .number{font-size:30px;font-weight:800;margin:10px 0 4px;letter-spacing:.02em}
        .number .muted{font-size:18px;font-weight:500}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:10px 0}dl.facts dt{color:var(--muted)}
        dl.facts dd{margin:0}audio{width:100%;max-width:520px}
        .outcomes{margin-top:12px}#message{min-height:1.4em}.gap-top{margin-top:10px}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line)}
        td.num,th.num{text-align:right}tr.new td{font-weight:600}td.miss{color:var(--bad);font-weight:700}
        .tag{font-size:12px;padding:2px 7px;border-radius:99px;background:#eceef1;margin-left:4px}
        .tag.rec{background:#ffd9d9;color:#8a1010}.tag.int{background:#ffe9c7;color:#7a3e00}
        .tag.warn{background:#fff3cd;color:#6b4f00}.tag.ok{background:#d6f5df;color:#0f5c27}
        .figures th,.figures td{text-align:right}.figures th:first-child{text-align:left}
        svg{width:100%;height:auto;margin:6px 0 14px;background:#fff}
        .t{font:600 13px system-ui,sans-serif;fill:#222}.lg{font:12px system-ui,sans-serif;fill:#333}
        .g{stroke:#e3e3e3;stroke-width:1}.yl{font:11px system-ui,sans-serif;fill:#666;text-anchor:end;dominant-baseline:middle}
        .xl{font:11px system-ui,sans-serif;fill:#666;text-anchor:start}
        .meter{height:10px;background:#e7eaf0;border-radius:5px;overflow:hidden;width:220px}
        .meter span{display:block;height:100%;background:var(--ok);width:0}
        /* Wallboard: a wall TV, 1920x1080 or 1280x720, no scrolling for up to 6 queues. */
        body.board{background:#0e141b;color:#e8edf3;height:100vh;overflow:hidden;display:flex;flex-direction:column}
        body.board nav.top{background:#0a0f14}body.board main{max-width:none;flex:1;padding:1.2vh 1.4vw;display:flex;min-height:0}
        .wallboard{display:flex;flex-direction:column;flex:1;min-height:0}
        .queues{display:grid;grid-template-columns:repeat(auto-fit,minmax(28vw,1fr));gap:1.2vh 1vw;flex:0 1 auto}
        .q{background:#17212c;border-radius:1vh;padding:1.2vh 1.2vw;display:grid;grid-template-columns:repeat(4,1fr);gap:.6vh .8vw}
        .q h3{grid-column:1/-1;margin:0;font-size:3vh;display:flex;justify-content:space-between;align-items:baseline}
        .q h3 small{font-size:1.8vh;color:#8fa1b5;font-weight:500}
        .k{display:flex;flex-direction:column}.k b{font-size:5.2vh;line-height:1.05;font-variant-numeric:tabular-nums}
        .k span{font-size:1.6vh;color:#8fa1b5;text-transform:uppercase;letter-spacing:.05em}
        .k.hot b{color:#ff8a80}.k.good b{color:#7ee2a0}.k.warn b{color:#ffcc80}
        .agents-title{font-size:2.2vh;color:#8fa1b5;margin:1.4vh 0 .6vh;font-weight:600}
        .agent-tiles{display:flex;flex-wrap:wrap;gap:.8vh .6vw;align-content:flex-start;overflow:hidden;flex:1}
        .tile{background:#17212c;border-radius:.8vh;padding:.8vh .9vw;min-width:11vw;border-left:.6vh solid #555}
        .tile b{display:block;font-size:2.3vh}.tile span{font-size:1.8vh;color:#aab8c7;font-variant-numeric:tabular-nums}
        .tile.st-available{border-color:#2fbf60}.tile.st-on-call,.tile.st-ringing{border-color:#4d8dff}
        .tile.st-on-break,.tile.st-wrap-up{border-color:#ffb74d}.tile.st-logged-out{opacity:.5}
        .tile.st-available,.tile.st-on-call,.tile.st-ringing,.tile.st-on-break,.tile.st-wrap-up,.tile.st-logged-out{background:#17212c;color:#e8edf3}
        .stamp{font-size:1.5vh;color:#6f8196;margin:.6vh 0 0}
        """
}

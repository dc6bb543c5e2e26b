/// The agent desk's markup; `desk.js` fills it from `/api/desk` and its event stream.
enum DeskPage {
    static let body = """
        <section class="desk">
        <div class="card"><div class="row">
        <h1 id="agent-name">Desk</h1><span id="agent-state" class="state">…</span><span id="agent-since" class="muted"></span>
        <span class="grow"></span><label id="pick-label" hidden>Agent <select id="agent-pick"></select></label></div>
        <div class="row gap-top">
        <button id="btn-ready" class="good" data-state="ready">Ready</button>
        <select id="break-reason" aria-label="Break reason"><option>break</option><option>lunch</option>
        <option>training</option><option>meeting</option><option>coaching</option></select>
        <button id="btn-break" data-state="break">Break</button>
        <button id="btn-logout" data-state="logout">Log out</button></div></div>
        <div class="card"><div class="row"><h2>Callback</h2><span class="grow"></span>
        <button id="btn-next" class="primary">Next callback</button></div>
        <p id="cb-empty" class="muted">No callback in hand. Go ready, then take the next one.</p>
        <div id="cb" hidden>
        <div class="number"><span id="cb-national"></span> <span id="cb-e164" class="muted"></span></div>
        <dl class="facts"><dt>Callback</dt><dd id="cb-id"></dd><dt>Queue</dt><dd id="cb-queue"></dd>
        <dt>Topic</dt><dd id="cb-topic"></dd><dt>First called</dt><dd id="cb-first"></dd>
        <dt>Tries so far</dt><dd id="cb-tries"></dd><dt>Yours until</dt><dd id="cb-until"></dd>
        <dt>Notes</dt><dd id="cb-notes"></dd></dl>
        <div id="cb-voicemail" hidden><h2>Voicemail</h2><p id="cb-vm-meta" class="muted"></p>
        <audio id="cb-audio" controls preload="metadata"></audio></div>
        <div class="row outcomes"><input id="cb-note" placeholder="Note (optional)" maxlength="500">
        <button class="good" data-outcome="reached">Reached</button>
        <button data-outcome="no-answer">No answer</button><button data-outcome="busy">Busy</button>
        <button class="bad" data-outcome="wrong-number">Wrong number</button>
        <button class="bad" data-outcome="cancelled">Cancelled</button></div></div></div>
        <p id="message" role="status"></p></section>
        """
}

/// The voicemail inbox's markup; `voicemail.js` fills it.
enum VoicemailPage {
    static let body = """
        <section class="card"><div class="row"><h1>Voicemail</h1><span class="grow"></span>
        <select id="f-status" aria-label="Show"><option value="new">New</option><option value="heard">Heard</option>
        <option value="all">All</option></select>
        <select id="f-queue" aria-label="Queue"><option value="">Every queue</option></select>
        <select id="f-topic" aria-label="Topic"><option value="">Every topic</option></select></div>
        <table><thead><tr><th>Received</th><th>Caller</th><th>Queue</th><th>Topic</th><th class="num">Length</th>
        <th>Status</th><th>Listen</th><th></th></tr></thead><tbody id="vm-rows"></tbody></table>
        <p id="vm-empty" class="muted" hidden>No messages here.</p><p id="message" role="status"></p></section>
        """
}

/// The prompt studio's markup; `prompts.js` fills it and records from the microphone.
enum PromptsPage {
    static let body = """
        <section class="card"><div class="row"><h1>Prompt studio</h1><span class="grow"></span>
        <span class="muted">Takes are trimmed and levelled like <code>ivr prompt record</code>; the previous take goes to .backup/.</span></div>
        <div id="recorder" class="card" hidden><div class="row"><h2>Recording <span id="rec-name"></span></h2>
        <span class="grow"></span><div class="meter"><span id="rec-level"></span></div><span id="rec-time">0:00</span></div>
        <p id="rec-text" class="muted"></p>
        <div class="row"><button id="rec-stop" class="bad">Stop</button><audio id="rec-audio" controls hidden></audio>
        <button id="rec-keep" class="primary" hidden>Keep</button><button id="rec-retry" hidden>Retry</button>
        <button id="rec-cancel">Cancel</button></div></div>
        <table><thead><tr><th>Prompt</th><th>Text</th><th class="num">Length</th><th class="num">Level</th>
        <th>Warnings</th><th>Listen</th><th></th></tr></thead><tbody id="prompt-rows"></tbody></table>
        <p id="message" role="status"></p></section>
        """
}

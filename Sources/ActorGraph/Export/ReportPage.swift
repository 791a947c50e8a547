/// The parts the article and corpus reports share: the page around the
/// content, its style sheet and its script, and small writers for tables
/// and chips. Everything is inline: a report opens from disk with no network.
///
/// The page is HTML5 that is also well-formed XML (void elements closed,
/// attributes quoted, the script in a CDATA section inside a comment), so
/// tests and tools can read it with an XML parser.
enum ReportPage {
    /// The whole page: head with style, the body, the data for the script, the script.
    static func document(title: String, bodyClass: String, body: String, data: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"ActorGraph\"/>\n"
        out += "<title>\(Markup.html(title))</title>\n<style>\n\(css)\n</style>\n</head>\n"
        out += "<body class=\"\(bodyClass)\">\n\(body)"
        out += "<div id=\"tooltip\" class=\"tooltip\" role=\"tooltip\" hidden=\"hidden\"></div>\n"
        out += "<script type=\"application/json\" id=\"report-data\">\(data)</script>\n"
        out += "<script>//<![CDATA[\n\(script)\n//]]></script>\n</body>\n</html>\n"
        return out
    }

    /// `value` with a thin group separator every three digits, the same in every locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A link to an actor's row that the script turns into selecting the actor.
    static func chip(name: String, id: String, type: ActorType?, anchor: String?) -> String {
        let typeClass = type.map { "t-\($0.rawValue)" } ?? "t-unknown"
        let attributes = "class=\"chip \(typeClass)\" data-actor=\"\(Markup.html(id))\" title=\"\(Markup.html(id))\""
        if let anchor { return "<a href=\"#\(anchor)\" \(attributes)>\(Markup.html(name))</a>" }
        return "<span \(attributes)>\(Markup.html(name))</span>"
    }

    /// The graph section's figure: the caller's SVG with any XML prolog, DOCTYPE
    /// or comment before its root removed, or the built-in drawing.
    /// A given text with no `<svg` root is not used, and the note says so.
    static func graphFigure(given: String?, drawing: () -> SVGDrawing) -> (svg: String, note: String) {
        if let given, let root = given.range(of: "<svg") {
            return (String(given[root.lowerBound...]), "Drawn by Graphviz from the DOT export.")
        }
        let drawn = drawing()
        var note = given == nil ? "" : "The SVG given for the graph has no <svg> element, so it is not shown. "
        note += "Drawn with ActorGraph's built-in layout"
        note += drawn.layout == .layered ? ": actors that act on the left, events in text order in the middle, the actors they act on at the right."
            : ": actors on a circle grouped by type, linked by the events between them."
        if drawn.omittedNodes > 0 { note += " The \(drawn.drawnNodes.count) most linked nodes are drawn; the tables list them all." }
        return (drawn.render(), note)
    }

    static let css = """
    :root{color-scheme:light;--ink:#1d232b;--muted:#5d6673;--line:#dfe3e8;--paper:#ffffff;--ground:#f3f5f8;--accent:#2f6ea8}
    *{box-sizing:border-box}
    html{scroll-behavior:smooth}
    body{margin:0;background:var(--ground);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans","Liberation Sans",Arial,sans-serif}
    \(ActorPalette.css)
    .t-unknown{--c:#6b7280;--tint:#eceef1}
    .page{max-width:1500px;padding:20px 24px 40px}
    .article-report .page{margin-right:372px}
    .page-header{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin-bottom:16px}
    .page-header h1{margin:0 0 8px;font-size:22px;line-height:1.25;overflow-wrap:anywhere}
    .kicker{display:block;font-size:12px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
    .facts{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0 0 10px}
    .facts div{display:flex;gap:6px;align-items:baseline}
    .facts dt{color:var(--muted)}
    .facts dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
    .legend{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
    .legend li{display:inline-flex}
    .legend .sample{padding:1px 8px;border-radius:4px;background:var(--tint);border-bottom:2px solid var(--c);font-size:13px}
    .legend .sample b{font-weight:600;color:var(--muted);margin-left:4px}
    .legend .trigger-sample{background:none;border:none;text-decoration:underline dotted #3c4452 2px;text-underline-offset:3px}
    section.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 20px 18px;margin-bottom:16px}
    section.card h2{margin:0 0 10px;font-size:16px}
    h2 .count{font-weight:500;color:var(--muted);font-size:14px;margin-left:4px}
    .text{white-space:pre-wrap;overflow-wrap:anywhere;font:16.5px/1.75 Georgia,"DejaVu Serif","Liberation Serif",serif;max-width:70em;unicode-bidi:plaintext}
    mark.mention{color:inherit;background:var(--tint);border-bottom:2px solid var(--c);border-radius:3px;padding:0 1px;cursor:pointer;box-decoration-break:clone;-webkit-box-decoration-break:clone}
    mark.mention:hover{outline:1px solid var(--c)}
    mark.mention.selected{background:var(--c);color:#fff;border-bottom-color:var(--c)}
    .trigger{text-decoration:underline dotted #3c4452 2px;text-underline-offset:4px}
    .sentence{border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
    .flash{animation:flash 2s ease-out}
    @keyframes flash{0%,35%{background-color:#ffe27a}100%{background-color:transparent}}
    .panel{position:fixed;top:20px;right:20px;width:340px;max-height:calc(100vh - 40px);overflow:auto;background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 16px;box-shadow:0 6px 24px rgba(20,30,50,.08)}
    .panel h2{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
    .panel .hint{color:var(--muted);margin:0}
    .panel-card{border-left:4px solid var(--c);padding-left:12px}
    .panel-card h3{margin:2px 0 2px;font-size:19px;overflow-wrap:anywhere}
    .panel-card .kind{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--c);font-weight:700}
    .panel-card dl{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:10px 0}
    .panel-card dt{color:var(--muted)}
    .panel-card dd{margin:0;overflow-wrap:anywhere}
    .panel-card h4{margin:12px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
    .panel-card ul{margin:0;padding-left:18px}
    .panel-card .quote{font-family:Georgia,"DejaVu Serif",serif;background:var(--tint);padding:1px 4px;border-radius:3px}
    .panel-close{float:right;border:1px solid var(--line);background:var(--paper);border-radius:6px;cursor:pointer;font-size:13px;padding:2px 8px;color:var(--muted)}
    .tooltip{position:fixed;z-index:10;pointer-events:none;max-width:360px;background:#1f2530;color:#fff;padding:6px 9px;border-radius:6px;font-size:12.5px;line-height:1.4;box-shadow:0 4px 14px rgba(0,0,0,.2)}
    .tooltip[hidden]{display:none}
    .graph-box{overflow:auto;border:1px solid var(--line);border-radius:8px;background:#fff}
    .graph-box svg{display:block;max-width:100%;height:auto;margin:0 auto}
    .graph-box g.node{cursor:pointer}
    .graph-box g.node.selected>:is(rect,polygon,ellipse,path){stroke-width:4px}
    body.has-selection .graph-box g.node:not(.selected){opacity:.35}
    body.has-selection .graph-box g.link:not(.selected){opacity:.2}
    .note{color:var(--muted);font-size:12.5px;margin:8px 0 0}
    table{border-collapse:collapse;width:100%;font-size:13.5px}
    th{text-align:left;font-weight:600;color:var(--muted);border-bottom:2px solid var(--line);padding:6px 8px;white-space:nowrap}
    td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    tr.selected td{background:#fff6d6}
    tr:target td{background:#eef4fb}
    code{font:12.5px ui-monospace,"DejaVu Sans Mono",monospace;color:#3f4753}
    .chip{display:inline-block;padding:0 7px;margin:1px 0;border-radius:10px;background:var(--tint);border:1px solid var(--c);color:var(--ink);text-decoration:none;font-size:13px;white-space:nowrap;cursor:pointer}
    .chip.selected{background:var(--c);color:#fff}
    .role{display:inline-block;min-width:5.5em;color:var(--muted);font-size:12px}
    .roles{list-style:none;margin:0;padding:0}
    .badge{display:inline-block;padding:0 6px;border-radius:4px;background:#3c4452;color:#fff;font-size:12px;font-weight:600}
    .code{display:inline-block;padding:0 5px;border-radius:4px;border:1px solid var(--line);font-size:11.5px;color:var(--muted);margin-left:4px}
    .fact-asserted{color:#2d6a3e}.fact-negated,.fact-denied{color:#a33}.fact-reported,.fact-alleged,.fact-possible,.fact-planned,.fact-demanded{color:#8a5a00}
    a.sentence-link{color:var(--accent)}
    .muted{color:var(--muted)}
    details.timeline{border-bottom:1px solid var(--line);padding:6px 0}
    details.timeline summary{cursor:pointer}
    details.timeline table{margin:6px 0 4px}
    footer{color:var(--muted);font-size:12px;margin-top:8px}
    @media (max-width:1000px){.article-report .page{margin-right:0}.panel{position:static;width:auto;max-height:none;margin:0 24px 16px}}
    """

    /// Selecting an actor (click on a mention, a chip, a row or a graph node)
    /// marks all its mentions, its graph node and links, and its rows, and in
    /// an article report pins its details in the side panel; hovering a
    /// mention shows a tooltip; links to sentences scroll and flash them.
    /// Graph nodes are found by `data-node`, or by the `<title>` Graphviz gives them.
    static let script = #"""
    (function () {
      'use strict';
      var raw = document.getElementById('report-data');
      var data = raw ? JSON.parse(raw.textContent) : {};
      var actors = new Map((data.actors || []).map(function (a) { return [a.id, a]; }));
      var events = new Map((data.events || []).map(function (e) { return [e.id, e]; }));
      var tooltip = document.getElementById('tooltip');
      var panel = document.getElementById('panel-body');
      var hint = panel ? panel.innerHTML : '';
      var marks = Array.prototype.slice.call(document.querySelectorAll('mark.mention'));
      marks.forEach(function (mark) {
        mark.setAttribute('data-tip', mark.getAttribute('title') || '');
        mark.removeAttribute('title');
      });

      function nodeKey(node) {
        if (node.hasAttribute('data-node')) { return node.getAttribute('data-node'); }
        var title = node.querySelector('title');
        return title ? title.textContent.trim() : null;
      }
      function graphNodes() { return Array.prototype.slice.call(document.querySelectorAll('.graph-box g.node')); }
      function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        return node;
      }
      function clearSelection() {
        document.querySelectorAll('.selected').forEach(function (node) { node.classList.remove('selected'); });
        document.body.classList.remove('has-selection');
        if (panel) { panel.innerHTML = hint; }
      }
      function select(id, mark) {
        document.querySelectorAll('.selected').forEach(function (node) { node.classList.remove('selected'); });
        marks.forEach(function (m) { if (m.getAttribute('data-actor') === id) { m.classList.add('selected'); } });
        graphNodes().forEach(function (node) { if (nodeKey(node) === id) { node.classList.add('selected'); } });
        document.querySelectorAll('.graph-box g.link').forEach(function (link) {
          if (link.getAttribute('data-source') === id || link.getAttribute('data-target') === id) { link.classList.add('selected'); }
        });
        document.querySelectorAll('[data-actor]').forEach(function (node) {
          if (node.getAttribute('data-actor') === id && !node.matches('mark')) { node.classList.add('selected'); }
        });
        document.querySelectorAll('tr[data-source]').forEach(function (row) {
          if (row.getAttribute('data-source') === id || row.getAttribute('data-target') === id) { row.classList.add('selected'); }
        });
        document.body.classList.add('has-selection');
        if (panel) { showActor(id, mark); }
      }
      function showActor(id, mark) {
        var actor = actors.get(id);
        panel.textContent = '';
        var card = element('div', 'panel-card t-' + (actor ? actor.type : 'unknown'));
        card.setAttribute('data-panel-actor', id);
        var close = element('button', 'panel-close', 'Close');
        close.type = 'button';
        card.appendChild(close);
        card.appendChild(element('div', 'kind', actor ? actor.type + (actor.subtype ? ' · ' + actor.subtype : '') : 'unknown actor'));
        card.appendChild(element('h3', 'actor-name', actor ? actor.name : id));
        var facts = element('dl');
        function fact(term, value) {
          if (value === undefined || value === null || value === '') { return; }
          facts.appendChild(element('dt', null, term));
          facts.appendChild(element('dd', null, value));
        }
        fact('id', id);
        if (actor) {
          fact('country', actor.country);
          fact('origin', actor.origin);
          fact('sector', actor.sector);
          fact('roles', (actor.roles || []).join('; '));
          fact('mentions', actor.mentions);
        }
        card.appendChild(facts);
        if (mark) {
          card.appendChild(element('h4', null, 'This mention'));
          var mention = element('dl');
          var quoted = element('dd');
          quoted.appendChild(element('span', 'quote', '\u201c' + (mark.getAttribute('data-text') || mark.textContent) + '\u201d'));
          mention.appendChild(element('dt', null, 'text'));
          mention.appendChild(quoted);
          [['linked via', 'data-via'], ['rule', 'data-rule'], ['sentence', 'data-sentence']].forEach(function (pair) {
            mention.appendChild(element('dt', null, pair[0]));
            mention.appendChild(element('dd', null, mark.getAttribute(pair[1])));
          });
          card.appendChild(mention);
        }
        if (actor && actor.events && actor.events.length) {
          card.appendChild(element('h4', null, 'Events'));
          var list = element('ul');
          actor.events.forEach(function (entry) {
            var item = element('li');
            var event = events.get(entry[0]);
            var link = element('a', 'sentence-link', entry[0] + ' ' + (event ? event.type : ''));
            link.href = '#' + (event ? event.row : '');
            if (event) { link.setAttribute('data-sentence', event.sentence); link.setAttribute('data-event', entry[0]); }
            item.appendChild(link);
            item.appendChild(document.createTextNode(' as ' + entry[1] + (event ? ': \u201c' + event.trigger + '\u201d' : '')));
            list.appendChild(item);
          });
          card.appendChild(list);
        }
        panel.appendChild(card);
      }
      function flash(nodes) {
        nodes.forEach(function (node) { node.classList.remove('flash'); void node.offsetWidth; node.classList.add('flash'); });
        window.setTimeout(function () { nodes.forEach(function (node) { node.classList.remove('flash'); }); }, 2100);
      }
      function showSentence(index, eventId) {
        var pieces = Array.prototype.slice.call(document.querySelectorAll('.sentence[data-sentence="' + index + '"]'));
        if (!pieces.length) { return false; }
        pieces[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
        var triggers = Array.prototype.slice.call(document.querySelectorAll('.trigger')).filter(function (t) {
          return (' ' + (t.getAttribute('data-events') || '') + ' ').indexOf(' ' + eventId + ' ') >= 0;
        });
        flash(pieces.concat(triggers));
        return true;
      }

      document.addEventListener('click', function (click) {
        var target = click.target instanceof Element ? click.target : click.target.parentElement;
        if (!target) { return; }
        if (target.closest('.panel-close')) { clearSelection(); return; }
        var mark = target.closest('mark.mention');
        if (mark) { select(mark.getAttribute('data-actor'), mark); return; }
        var sentenceLink = target.closest('a.sentence-link[data-sentence]');
        if (sentenceLink && showSentence(sentenceLink.getAttribute('data-sentence'), sentenceLink.getAttribute('data-event'))) {
          click.preventDefault();
          return;
        }
        var chip = target.closest('.chip[data-actor]');
        if (chip) { click.preventDefault(); select(chip.getAttribute('data-actor'), null); return; }
        var node = target.closest('.graph-box g.node');
        if (node) {
          var key = nodeKey(node);
          var event = events.get(key);
          if (event) {
            var row = document.getElementById(event.row);
            if (row && !showSentence(event.sentence, key)) { row.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
            if (row) { flash([row]); }
          } else if (key !== null) {
            select(key, null);
            if (!panel) {
              var actorRow = document.querySelector('tr.actor-row.selected');
              if (actorRow) { actorRow.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
            }
          }
        }
      });
      document.addEventListener('keydown', function (key) { if (key.key === 'Escape') { clearSelection(); } });
      document.addEventListener('mouseover', function (over) {
        var mark = over.target instanceof Element ? over.target.closest('mark.mention') : null;
        if (!mark || !tooltip) { return; }
        tooltip.textContent = mark.getAttribute('data-tip');
        tooltip.hidden = false;
      });
      document.addEventListener('mousemove', function (move) {
        if (!tooltip || tooltip.hidden) { return; }
        var x = Math.min(move.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
        tooltip.style.left = Math.max(8, x) + 'px';
        tooltip.style.top = (move.clientY + 18) + 'px';
      });
      document.addEventListener('mouseout', function (out) {
        var mark = out.target instanceof Element ? out.target.closest('mark.mention') : null;
        if (mark && tooltip && !(out.relatedTarget instanceof Element && mark.contains(out.relatedTarget))) { tooltip.hidden = true; }
      });
    })();
    """#
}

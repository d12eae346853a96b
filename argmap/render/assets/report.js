/* argmap report: pan and zoom, focus view, collapse, search and source panel for the
 * diagrams of a page. Written for argmap (MIT licence); no library, nothing loaded.
 *
 * Every <div class="diagram"> holding a Graphviz SVG becomes a viewer: a toolbar, the
 * diagram in a box that opens fitted to it, and a side panel for the node clicked.
 * Data come from two JSON blocks of the page:
 *   #links    node name -> SVG element ids to highlight with it (its edges, and the
 *             nodes "n:NAME" that support or attack it);
 *   #details  (optional) {nodes: {name: {kind, text, status, para, quote, note, href}},
 *             paragraphs: {number: text}, source: essay text file name}.
 * Node groups have ids "n:NAME". Text from the maps is only ever set as textContent.
 */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';

  function readJSON(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }
  var links = readJSON('links') || {};
  var details = readJSON('details') || {nodes: {}, paragraphs: {}};

  // The graph, from the links: who supports or attacks whom, and which edges join them.
  var incoming = {}, outgoing = {}, ends = {};
  function add(table, key, value) {
    var list = table[key] = table[key] || [];
    if (list.indexOf(value) < 0) { list.push(value); }
  }
  Object.keys(links).forEach(function (name) {
    links[name].forEach(function (id) {
      if (id.slice(0, 2) === 'n:') {
        add(incoming, name, id.slice(2));
        add(outgoing, id.slice(2), name);
      } else {
        add(ends, id, name);
      }
    });
  });
  function edgesBetween(a, b) {
    var theirs = links[b] || [];
    return (links[a] || []).filter(function (id) {
      return id.slice(0, 2) !== 'n:' && theirs.indexOf(id) >= 0;
    });
  }
  /** The nodes within `hops` steps of `name`, following reasons and attacks both ways. */
  function around(name, hops) {
    var seen = {}, frontier = [name];
    seen[name] = true;
    for (var step = 0; step < hops; step++) {
      var next = [];
      frontier.forEach(function (n) {
        (incoming[n] || []).concat(outgoing[n] || []).forEach(function (m) {
          if (!seen[m]) { seen[m] = true; next.push(m); }
        });
      });
      frontier = next;
    }
    return Object.keys(seen);
  }
  /** Everything upstream of `name`: its reasons and attackers, theirs, and so on. */
  function upstream(name) {
    var seen = {}, stack = (incoming[name] || []).slice();
    while (stack.length) {
      var n = stack.pop();
      if (seen[n] || n === name) { continue; }
      seen[n] = true;
      stack.push.apply(stack, incoming[n] || []);
    }
    return Object.keys(seen);
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function button(label, title, action) {
    var b = element('button', '', label);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', action);
    return b;
  }

  function Viewer(box) {
    var self = this;
    this.box = box;
    this.svg = box.querySelector('svg');
    var base = this.svg.viewBox.baseVal;
    this.full = {x: base.x, y: base.y, w: base.width, h: base.height};
    // Graphviz sizes the SVG in points: 100 % is 4/3 px per unit
    this.natural = (parseFloat(this.svg.getAttribute('width')) || base.width) * 4 / 3 / base.width;
    this.svg.removeAttribute('width');
    this.svg.removeAttribute('height');
    this.svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    this.nodes = {};
    this.svg.querySelectorAll('g.node').forEach(function (g) {
      if (g.id.slice(0, 2) === 'n:') { self.nodes[g.id.slice(2)] = g; }
    });
    this.pinned = null;
    this.hops = 1;
    this.mode = 'fade';
    this.collapsed = {};
    this.matches = [];
    this.match = -1;
    this.build();
    this.size();
    this.open();
    this.listen();
  }

  Viewer.prototype.build = function () {
    var self = this, box = this.box;
    box.classList.add('viewer');
    var bar = element('div', 'toolbar');
    bar.setAttribute('role', 'toolbar');
    bar.appendChild(button('+', 'Zoom in (+)', function () { self.zoomBy(1.25); }));
    bar.appendChild(button('−', 'Zoom out (-)', function () { self.zoomBy(0.8); }));
    bar.appendChild(button('Fit', 'Fit the whole diagram (0)', function () { self.fit(); }));
    this.level = element('span', 'zoom', '');
    bar.appendChild(this.level);
    var search = element('input');
    search.type = 'search';
    search.placeholder = 'Search id or text';
    search.setAttribute('aria-label', 'Search nodes by id or text');
    search.addEventListener('input', function () { self.search(search.value); });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); self.next(event.shiftKey ? -1 : 1); }
    });
    this.searchBox = search;
    bar.appendChild(search);
    bar.appendChild(button('◀', 'Previous match (Shift+Enter)', function () { self.next(-1); }));
    bar.appendChild(button('▶', 'Next match (Enter)', function () { self.next(1); }));
    this.found = element('span', 'found', '');
    bar.appendChild(this.found);
    var hops = element('input');
    hops.type = 'number';
    hops.min = '1';
    hops.max = '9';
    hops.value = '1';
    hops.title = 'Focus: how many steps of reasons and attacks around the chosen node';
    hops.addEventListener('change', function () {
      self.hops = Math.max(1, Math.min(9, parseInt(hops.value, 10) || 1));
      if (self.pinned) { self.show(self.pinned); }
    });
    var label = element('label', '', 'focus hops ');
    label.appendChild(hops);
    bar.appendChild(label);
    var mode = element('select');
    mode.title = 'What to do with the rest of the diagram while a node is chosen';
    [['fade', 'fade the rest'], ['hide', 'hide the rest']].forEach(function (pair) {
      var option = element('option', '', pair[1]);
      option.value = pair[0];
      mode.appendChild(option);
    });
    mode.addEventListener('change', function () {
      self.mode = mode.value;
      if (self.pinned) { self.show(self.pinned); }
    });
    bar.appendChild(mode);
    bar.appendChild(button('Expand all', 'Show every collapsed reason again', function () {
      self.collapsed = {};
      self.applyCollapse();
    }));
    box.insertBefore(bar, this.svg);
    this.bar = bar;
    var canvas = element('div', 'canvas');
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Diagram: drag or scroll to move, ctrl + wheel or pinch to zoom, click a node; keys + - 0 and arrows');
    box.insertBefore(canvas, this.svg);
    canvas.appendChild(this.svg);
    this.canvas = canvas;
    var panel = element('aside', 'panel');
    panel.hidden = true;
    box.appendChild(panel);
    this.panel = panel;
  };

  /** The box's height: the rest of the window for the page's main diagram, else at most 80 %. */
  Viewer.prototype.size = function () {
    var top = this.box.getBoundingClientRect().top + window.scrollY;
    var tall = this.full.h * this.natural + this.bar.offsetHeight + 8;
    var height = this.box.classList.contains('main')
      ? window.innerHeight - top - 12
      : Math.min(tall, window.innerHeight * 0.8);
    this.box.style.height = Math.max(280, Math.round(height)) + 'px';
  };

  Viewer.prototype.area = function () {
    return {w: this.canvas.clientWidth || 1, h: this.canvas.clientHeight || 1};
  };
  Viewer.prototype.apply = function () {
    var a = this.area(), v = this.view;
    this.svg.setAttribute('viewBox', [v.x, v.y, a.w / v.s, a.h / v.s].join(' '));
    this.level.textContent = Math.round(v.s / this.natural * 100) + ' %';
  };
  /** Show a rectangle of the diagram (in its units) whole and centred, between `least` and
   * `most` px per unit, in the box less `inset` px on the right (where the panel is). */
  Viewer.prototype.frame = function (r, least, most, inset) {
    var a = this.area(), w = Math.max(a.w - (inset || 0), a.w / 3);
    var s = Math.min(w / r.w, a.h / r.h);
    s = Math.max(least, Math.min(most, s));
    this.view = {s: s, x: r.x + r.w / 2 - w / s / 2, y: r.y + r.h / 2 - a.h / s / 2};
    this.apply();
  };
  Viewer.prototype.fit = function () {
    this.frame(this.full, 0, this.natural);
  };
  /** The opening view: the diagram's whole width at up to 100 %, from its top (the title
   * and the legend); a diagram taller than the box goes on below, by scrolling or dragging. */
  Viewer.prototype.open = function () {
    var a = this.area(), f = this.full;
    var s = Math.min(this.natural, a.w / f.w);
    if (f.h * s <= a.h) { this.fit(); return; }
    this.view = {s: s, x: f.x + f.w / 2 - a.w / s / 2, y: f.y};
    this.apply();
  };
  Viewer.prototype.zoomAt = function (factor, px, py) {
    var v = this.view, a = this.area();
    var least = Math.min(a.w / this.full.w, a.h / this.full.h, this.natural) / 2;
    var s = Math.max(least, Math.min(this.natural * 8, v.s * factor));
    var ux = v.x + px / v.s, uy = v.y + py / v.s;
    this.view = {s: s, x: ux - px / s, y: uy - py / s};
    this.apply();
  };
  Viewer.prototype.zoomBy = function (factor) {
    var a = this.area();
    this.zoomAt(factor, a.w / 2, a.h / 2);
  };
  Viewer.prototype.panBy = function (dx, dy) {
    this.view.x -= dx / this.view.s;
    this.view.y -= dy / this.view.s;
    this.apply();
  };
  /** The rectangle (in diagram units) that some drawn elements cover. */
  Viewer.prototype.extent = function (elements) {
    var c = this.canvas.getBoundingClientRect(), v = this.view, r = null;
    elements.forEach(function (e) {
      var b = e.getBoundingClientRect();
      if (!b.width && !b.height) { return; }
      var x0 = v.x + (b.left - c.left) / v.s, y0 = v.y + (b.top - c.top) / v.s;
      var x1 = v.x + (b.right - c.left) / v.s, y1 = v.y + (b.bottom - c.top) / v.s;
      r = r ? {x0: Math.min(r.x0, x0), y0: Math.min(r.y0, y0),
               x1: Math.max(r.x1, x1), y1: Math.max(r.y1, y1)}
            : {x0: x0, y0: y0, x1: x1, y1: y1};
    });
    return r && {x: r.x0 - 20, y: r.y0 - 20, w: r.x1 - r.x0 + 40, h: r.y1 - r.y0 + 40};
  };
  /** Zoom to a node and its focus neighbourhood, close enough to read (at least 85 %),
   * beside the panel when it is open. */
  Viewer.prototype.zoomTo = function (name) {
    var self = this, node = this.nodes[name];
    if (!node) { return; }
    var near = around(name, this.hops).map(function (n) { return self.nodes[n]; })
      .filter(function (g) { return g && !g.classList.contains('away'); });
    var inset = this.panel.hidden ? 0 : this.panel.offsetWidth + 16;
    var least = this.natural * 0.85, most = this.natural * 1.5;
    this.frame(this.extent(near) || this.extent([node]), least, most, inset);
    // the neighbourhood may not fit at a readable size: then the node itself comes first
    var own = this.extent([node]), a = this.area(), v = this.view;
    if (own.x < v.x || own.y < v.y || own.x + own.w > v.x + (a.w - inset) / v.s ||
        own.y + own.h > v.y + a.h / v.s) {
      this.frame(own, least, most, inset);
    }
  };

  function clearClasses(svg, names) {
    names.forEach(function (name) {
      svg.querySelectorAll('.' + name).forEach(function (e) { e.classList.remove(name); });
    });
  }
  Viewer.prototype.clear = function () {
    clearClasses(this.svg, ['hl', 'selected']);
    this.svg.classList.remove('focus', 'hide');
  };
  /** Highlight a node, its edges and what supports or attacks it (hovering). */
  Viewer.prototype.preview = function (name) {
    this.clear();
    this.svg.classList.add('focus');
    this.nodes[name].classList.add('hl');
    (links[name] || []).forEach(function (id) {
      var e = document.getElementById(id);
      if (e) { e.classList.add('hl'); }
    });
  };
  /** The focus view: the node and its reasons and attackers `hops` steps around; the rest faded or hidden. */
  Viewer.prototype.show = function (name) {
    var self = this;
    this.clear();
    this.svg.classList.add('focus');
    if (this.mode === 'hide') { this.svg.classList.add('hide'); }
    var near = around(name, this.hops);
    near.forEach(function (n) {
      if (self.nodes[n]) { self.nodes[n].classList.add('hl'); }
      near.forEach(function (m) {
        if (m === n) { return; }
        edgesBetween(n, m).forEach(function (id) {
          var e = document.getElementById(id);
          if (e) { e.classList.add('hl'); }
        });
      });
    });
    this.nodes[name].classList.add('selected');
  };
  Viewer.prototype.select = function (name, zoom) {
    this.pinned = name;
    this.show(name);
    this.describe(name);
    if (zoom) { this.zoomTo(name); }
  };
  Viewer.prototype.unselect = function () {
    this.pinned = null;
    this.clear();
    this.panel.hidden = true;
  };

  /** The side panel: the node's text, status and source paragraph. */
  Viewer.prototype.describe = function (name) {
    var self = this, panel = this.panel, info = details.nodes[name];
    panel.textContent = '';
    panel.hidden = false;
    panel.appendChild(button('×', 'Close', function () { self.unselect(); }));
    panel.appendChild(element('h3', '', name));
    if (!info) {  // a page without details: the node's tooltip
      var tip = this.nodes[name].querySelector('a');
      var text = tip ? tip.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || '' : '';
      text.split('\n').forEach(function (line) { panel.appendChild(element('p', '', line)); });
    } else {
      panel.appendChild(element('p', 'meta', [info.kind, info.status].filter(Boolean).join(' · ')));
      panel.appendChild(element('p', 'text', info.text));
      if (info.note) { panel.appendChild(element('p', 'note', 'Note: ' + info.note)); }
      this.source(info);
      if (info.href) {
        var a = element('a', '', 'Open in its essay page');
        a.href = info.href;
        panel.appendChild(element('p')).appendChild(a);
      }
    }
    var folds = this.folds(name);
    if (folds) {
      panel.appendChild(button(
        (this.collapsed[name] ? 'Expand' : 'Collapse') + ' its reasons (' + folds + ')',
        'Hide or show what supports or attacks this node, and their reasons, where nothing else shown needs them (c)',
        function () { self.toggle(name); self.describe(name); }));
    } else if (upstream(name).length) {
      panel.appendChild(element('p', 'hint', 'Its reasons bear on other nodes too: nothing to collapse.'));
    }
    panel.appendChild(button('Zoom to it', 'Zoom to this node and its neighbours',
      function () { self.zoomTo(name); }));
  };
  Viewer.prototype.source = function (info) {
    var panel = this.panel;
    if (!info.para || !info.para.length) {
      panel.appendChild(element('p', 'hint', 'No source paragraph given.'));
      return;
    }
    var where = (details.source ? details.source + ', ' : '') + '¶ ' + info.para.join(', ');
    panel.appendChild(element('h4', '', 'Source: ' + where));
    if (info.quote) { panel.appendChild(element('blockquote', '', '“' + info.quote + '”')); }
    info.para.forEach(function (n) {
      var text = details.paragraphs[n];
      if (text === undefined) { return; }
      var p = element('p', 'paragraph');
      p.appendChild(element('span', 'number', '¶ ' + n + ' '));
      var at = info.quote ? text.toLowerCase().indexOf(info.quote.toLowerCase()) : -1;
      if (at < 0) {
        p.appendChild(document.createTextNode(text));
      } else {
        p.appendChild(document.createTextNode(text.slice(0, at)));
        p.appendChild(element('mark', '', text.slice(at, at + info.quote.length)));
        p.appendChild(document.createTextNode(text.slice(at + info.quote.length)));
      }
      panel.appendChild(p);
    });
  };

  /** Collapse or expand a node's sub-tree: everything upstream of it that nothing else shown needs. */
  Viewer.prototype.toggle = function (name) {
    if (this.collapsed[name]) { delete this.collapsed[name]; } else { this.collapsed[name] = true; }
    this.applyCollapse();
  };
  /** The nodes hidden when `collapsed` are: everything upstream of them, but for a node that
   * also supports or attacks something still shown. */
  Viewer.prototype.hiddenBy = function (collapsed) {
    var hidden = {};
    Object.keys(collapsed).forEach(function (c) {
      upstream(c).forEach(function (n) { hidden[n] = true; });
    });
    Object.keys(collapsed).forEach(function (c) { delete hidden[c]; });
    for (var changed = true; changed;) {
      changed = false;
      Object.keys(hidden).forEach(function (n) {
        var needed = (outgoing[n] || []).some(function (m) { return !hidden[m] && !collapsed[m]; });
        if (needed) { delete hidden[n]; changed = true; }
      });
    }
    return hidden;
  };
  /** How many nodes collapsing `name` hides (or shows again, when it is collapsed). */
  Viewer.prototype.folds = function (name) {
    var more = {};
    Object.keys(this.collapsed).forEach(function (c) { more[c] = true; });
    delete more[name];
    var without = Object.keys(this.hiddenBy(more)).length;
    more[name] = true;
    return Object.keys(this.hiddenBy(more)).length - without;
  };
  Viewer.prototype.applyCollapse = function () {
    var self = this, hidden = this.hiddenBy(this.collapsed);
    clearClasses(this.svg, ['away']);
    this.svg.querySelectorAll('.badge').forEach(function (b) { b.parentNode.removeChild(b); });
    Object.keys(hidden).forEach(function (n) {
      if (self.nodes[n]) { self.nodes[n].classList.add('away'); }
    });
    Object.keys(ends).forEach(function (id) {  // an edge goes when at most one of its ends stays
      var shown = ends[id].filter(function (n) { return !hidden[n]; }).length;
      var e = document.getElementById(id);
      if (e && shown <= 1 && shown < ends[id].length) { e.classList.add('away'); }
    });
    Object.keys(this.collapsed).forEach(function (c) {
      var g = self.nodes[c];
      if (!g) { return; }
      var count = upstream(c).filter(function (n) { return hidden[n]; }).length;
      var b = g.getBBox(), badge = document.createElementNS(SVGNS, 'g');
      badge.setAttribute('class', 'badge');
      var r = document.createElementNS(SVGNS, 'rect');
      r.setAttribute('x', b.x + b.width - 30);
      r.setAttribute('y', b.y + b.height - 4);
      r.setAttribute('width', 34);
      r.setAttribute('height', 14);
      r.setAttribute('rx', 7);
      var t = document.createElementNS(SVGNS, 'text');
      t.setAttribute('x', b.x + b.width - 13);
      t.setAttribute('y', b.y + b.height + 7);
      t.setAttribute('text-anchor', 'middle');
      t.textContent = '+' + count;
      badge.appendChild(r);
      badge.appendChild(t);
      g.appendChild(badge);
    });
  };

  /** Mark the nodes whose id or text holds the words typed. */
  Viewer.prototype.search = function (words) {
    var self = this, wanted = words.trim().toLowerCase();
    clearClasses(this.svg, ['match']);
    this.matches = [];
    this.match = -1;
    if (wanted) {
      Object.keys(this.nodes).forEach(function (name) {
        var info = details.nodes[name], tip = self.nodes[name].querySelector('a');
        var text = name + ' ' + (info ? info.text : (tip && tip.getAttributeNS('http://www.w3.org/1999/xlink', 'title')) || '');
        if (text.toLowerCase().indexOf(wanted) >= 0) {
          self.matches.push(name);
          self.nodes[name].classList.add('match');
        }
      });
    }
    this.found.textContent = wanted ? this.matches.length + ' found' : '';
  };
  Viewer.prototype.next = function (step) {
    if (!this.matches.length) { return; }
    this.match = (this.match + step + this.matches.length) % this.matches.length;
    this.found.textContent = (this.match + 1) + ' of ' + this.matches.length;
    this.select(this.matches[this.match], true);
  };

  Viewer.prototype.listen = function () {
    var self = this, canvas = this.canvas, drag = null, moved = false;
    canvas.addEventListener('wheel', function (event) {
      event.preventDefault();
      var c = canvas.getBoundingClientRect();
      var unit = event.deltaMode === 1 ? 16 : 1;
      if (event.ctrlKey || event.metaKey) {  // a pinch on a trackpad, or ctrl + wheel: zoom
        self.zoomAt(Math.exp(-event.deltaY * unit * 0.01),
          event.clientX - c.left, event.clientY - c.top);
      } else {  // the wheel scrolls the diagram, as it scrolls a page
        self.panBy(-event.deltaX * unit, -event.deltaY * unit);
      }
    }, {passive: false});
    canvas.addEventListener('pointerdown', function (event) {
      if (event.button !== 0) { return; }
      drag = {x: event.clientX, y: event.clientY, id: event.pointerId};
      moved = false;
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!drag) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!moved) { canvas.setPointerCapture(drag.id); canvas.classList.add('dragging'); }
      moved = true;
      drag.x = event.clientX;
      drag.y = event.clientY;
      self.panBy(dx, dy);
    });
    function stop() { drag = null; canvas.classList.remove('dragging'); }
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    canvas.addEventListener('click', function (event) {
      if (moved) { moved = false; return; }  // the end of a drag is not a click
      var g = event.target.closest && event.target.closest('g.node');
      if (g && g.id.slice(0, 2) === 'n:' && self.nodes[g.id.slice(2)]) {
        event.preventDefault();
        var name = g.id.slice(2);
        if (self.pinned === name) { self.unselect(); } else { self.select(name, false); }
      } else {
        self.unselect();
      }
    });
    Object.keys(this.nodes).forEach(function (name) {
      var g = self.nodes[name];
      g.addEventListener('mouseenter', function () { if (!self.pinned && !drag) { self.preview(name); } });
      g.addEventListener('mouseleave', function () { if (!self.pinned) { self.clear(); } });
    });
    canvas.addEventListener('keydown', function (event) {
      var step = 60, keys = {
        '+': function () { self.zoomBy(1.25); }, '=': function () { self.zoomBy(1.25); },
        '-': function () { self.zoomBy(0.8); }, '0': function () { self.fit(); },
        'ArrowLeft': function () { self.panBy(step, 0); }, 'ArrowRight': function () { self.panBy(-step, 0); },
        'ArrowUp': function () { self.panBy(0, step); }, 'ArrowDown': function () { self.panBy(0, -step); },
        'Escape': function () { self.unselect(); },
        'c': function () { if (self.pinned) { self.toggle(self.pinned); self.describe(self.pinned); } },
        '/': function () { self.searchBox.focus(); }
      };
      if (keys[event.key] && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        keys[event.key]();
      }
    });
    window.addEventListener('resize', function () {
      var a = self.area(), v = self.view, cx = v.x + a.w / v.s / 2, cy = v.y + a.h / v.s / 2;
      self.size();
      a = self.area();
      self.view = {s: v.s, x: cx - a.w / v.s / 2, y: cy - a.h / v.s / 2};
      self.apply();
    });
  };

  var viewers = [];
  document.querySelectorAll('div.diagram').forEach(function (box) {
    if (box.querySelector('svg')) { viewers.push(new Viewer(box)); }
  });

  // a link can name a node to focus on: page.html#focus=NODE
  function focusFromAddress() {
    var wanted = (location.hash.match(/^#focus=(.+)$/) || [])[1];
    if (!wanted) { return; }
    var name = decodeURIComponent(wanted);
    viewers.some(function (v) {
      if (!v.nodes[name]) { return false; }
      v.box.scrollIntoView({block: 'nearest'});
      v.select(name, true);
      return true;
    });
  }
  focusFromAddress();
  window.addEventListener('hashchange', focusFromAddress);
})();

/* Search worker for readers of both languages: Material's own worker (lunr index, highlighting,
   result grouping) with our query side. Page config points the theme here (overrides/main.html);
   the fragment of our URL names Material's worker (search.<hash>.min.js), loaded from beside us so
   its lunr language files resolve as usual, also under iframe-worker from file://.

   Why Material 9.8's query side missed (measured on this site; see primer/search/index.py for the index):
   - It cuts a Han run of the query greedily against the index vocabulary, but its loop never tries
     a slice that ends at the run's last character: 大模型 became `大*`, 文心一言 `文心* 一*`. The
     trailing `*` makes every part a prefix and the parts are OR-ed, so the pages that say 大… and
     模型… most often (大模型的特点) came first, not the page about 大模型.
   - Every term gets a trailing `*`, and lunr skips its pipeline for wildcard terms, so a query
     word is never stemmed; the English index was not stemmed either (Material's English pipeline
     is the stop-word filter alone): `tokens*` cannot reach an entry that says `token`, and
     `LLMs*` not `LLM`. A prefix can only grow a word, never shorten it.
     (参数 survived whole, but as `参数*` it also matched 参数高效微调 in titles: PEFT came first.)
   - No rule knows the glossary, so a passing mention with the same word scored like the entry:
     `transformer*` is in the titles of the Transformer, ViT, BERT and GPT entries alike, and with
     lunr's length normalization off (Material sets b = 0) the entries that repeat the word in
     their text won.
   - The query-transformation hook documented for older versions (`__search.transform`) no longer
     exists in 9.8's bundle; the worker is the only place left to change the query.

   What this worker does instead: cut the query into the units the index holds (the same separator,
   Han runs split into the longest words of the index vocabulary, which jieba built from its own
   dictionary plus every glossary name at build time), score each unit as an exact (stemmed) word,
   a prefix and, for Chinese, a part of a longer word, weigh documents by how many units they
   contain (lunr's length normalization back on), then put exact names first: a glossary term or
   alias equal to the query (stemmed: Transformers), a heading equal to the query or asking for it
   (什么是大模型 for 大模型), and for a query made only of names the most specific one. Material
   then highlights, groups and renders as before. */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var HAN = /\p{sc=Han}/u;
  var SCRIPT_RUNS = /\p{sc=Han}+|[^\p{sc=Han}]+/gu;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var NOT_WORD = /[^\p{L}\p{N}]+/gu;
  /* Question words and particles a reader types around the thing they want (什么是涌现能力, how does
     LoRA work), in Simplified and in Traditional characters (ChatGPT是什麼 on the 繁體中文 edition:
     without 什麼 here the query's core was not the name ChatGPT). lunr's stop-word filters drop the
     common function words of both languages on top. */
  var QUESTION_WORDS = new Set(("什么 什么样 怎么 怎样 怎么样 如何 为什么 为何 哪些 哪个 多少 吗 呢 啊 吧 " +
    "是否 介绍 简介 意思 含义 什麼 什麼樣 怎麼 怎樣 怎麼樣 為什麼 為何 哪個 嗎 介紹 簡介 含義 " +
    "what whats how why which explain meaning mean means work works").split(" "));
  var TIER = 1e9; // exact names outrank any score lunr can give
  /* lunr's default length normalization, which Material turns off (b = 0): without it a long
     section that mentions a word in passing a few times outscores the short one about it. */
  var LENGTH_NORMALIZATION = 0.75;

  var materialListeners = [];
  var queued = [];
  var loaded = false;
  var setup = null;     // from the SETUP message: separator, names, titles
  var vocabulary = null; // words of the built lunr index, for cutting Han runs
  var plans = [];       // one per query handed to Material, in order, until its result is posted

  /* Material registers its message listener and posts results through these globals; wrapping
     them lets us prepare each query before it runs and reorder each result before it leaves. */
  var listen = self.addEventListener.bind(self);
  var post = self.postMessage;
  self.addEventListener = function (type, listener, options) {
    if (type === "message") materialListeners.push(listener);
    else listen(type, listener, options);
  };
  self.postMessage = function (message) {
    post.call(self, message && message.type === RESULT ? rerank(message, plans.shift()) : message);
  };
  listen("message", function (event) {
    if (loaded) deliver(event);
    else queued.push(event);
  });
  Promise.resolve(importScripts(materialWorker())).then(function () {
    patchLunr(self.lunr);
    loaded = true;
    queued.splice(0).forEach(deliver);
  });

  function ownUrl() {
    // Under iframe-worker (file://) this runs as the first script of a hidden iframe.
    var script = typeof document !== "undefined" && document.querySelector("script[src]");
    return new URL(script ? script.src : self.location.href);
  }

  function materialWorker() {
    var own = ownUrl();
    var name = decodeURIComponent(own.hash.slice(1)).split("?")[0]; // iframe-worker appends ?<time>
    if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) throw new Error("primer-search: no Material worker in " + own);
    return new URL(name, own).href;
  }

  function deliver(event) {
    var message = event.data;
    if (message.type === SETUP) prepareSetup(message.data);
    if (message.type === QUERY) {
      var plan = planQuery(String(message.data));
      plans.push(plan);
      // Material still parses the query for highlighting; plain words keep its parser happy.
      message.data = plan.words.join(" ");
    }
    materialListeners.forEach(function (listener) { listener(event); });
  }

  function prepareSetup(data) {
    var primer = data.config.primer || {};
    var names = new Map();
    var titles = new Map();
    setup = { separator: new RegExp(data.config.separator, "g"), names: names, titles: titles, docs: data.docs };
    Object.keys(primer.names || {}).forEach(function (location) {
      primer.names[location].forEach(function (name) {
        var key = nameKey(name);
        if (!names.has(key)) names.set(key, []);
        names.get(key).push(location);
      });
    });
    data.docs.forEach(function (doc) { titles.set(doc.location, nameKey(plainTitle(doc.title))); });
    vocabulary = null;
  }

  function plainTitle(title) {
    return String(title).replace(/<[^>]*>/g, "");
  }

  /* The words of a text as the index holds them: NFKC folds full-width letters, the separator and
     punctuation split, Han runs are cut with `cut` (or kept whole), letters are lower case. */
  function splitWords(text, cut) {
    var words = [];
    String(text).normalize("NFKC").toLowerCase().split(setup.separator).forEach(function (part) {
      (part.match(SCRIPT_RUNS) || []).forEach(function (run) {
        if (HAN.test(run)) words.push.apply(words, cut ? cutHan(run) : [run]);
        else if ((run = run.replace(EDGES, ""))) words.push(run);
      });
    });
    return words;
  }

  /* The key that spellings of one name share: words run together in their singular, so case,
     spaces, hyphens, punctuation and English plurals do not count (GPT-4o, gpt 4o, ＧＰＴ４ｏ;
     Transformers). Singular, not stemmed: the stemmer makes one word of "token" and "tokenizer",
     which are two entries. */
  function nameKey(text) {
    return keyOf(splitWords(text, false));
  }

  function keyOf(words) {
    return words.map(singular).join("").replace(NOT_WORD, "");
  }

  /* English plural endings only (tokens, LLMs, embeddings, families); "ss", "us" and "is" endings
     (loss, corpus, analysis) are singular already. */
  function singular(word) {
    if (HAN.test(word) || word.length < 4) return word;
    if (/ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
    if (/[^sui]s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function stem(word) {
    return HAN.test(word) ? word : self.lunr.stemmer(new self.lunr.Token(word, {})).toString();
  }

  function planQuery(raw) {
    var words = splitWords(raw, true);
    var strong = words.filter(function (word) { return !isWeak(word); });
    if (!strong.length) strong = words.slice();
    return { raw: raw, words: words, strong: strong, full: keyOf(words), core: keyOf(strong) };
  }

  function isWeak(word) {
    if (QUESTION_WORDS.has(word)) return true;
    var lunr = self.lunr;
    var filters = [lunr.stopWordFilter, lunr.zh && lunr.zh.stopWordFilter];
    return filters.some(function (filter) { return filter && !filter(new lunr.Token(word, {})); });
  }

  /* Fewest words of the index vocabulary, so a query agrees with how jieba cut the pages (its words
     and every glossary name). A character the index never saw stands alone, at a higher cost. */
  function cutHan(run) {
    var words = indexWords();
    var cost = [0], from = [0];
    for (var i = 0; i < run.length; i++) {
      if (cost[i] === undefined) continue;
      for (var j = i + 1; j <= Math.min(run.length, i + words.longest); j++) {
        var known = words.set.has(run.slice(i, j));
        if (!known && j > i + 1) continue;
        var total = cost[i] + (known ? 1 : 1.5);
        if (cost[j] === undefined || total < cost[j]) { cost[j] = total; from[j] = i; }
      }
    }
    var cut = [];
    for (var end = run.length; end > 0; end = from[end]) cut.unshift(run.slice(from[end], end));
    return cut;
  }

  /* Titles without their question and stop words, so 什么是大模型 and What is a large model answer
     the bare name as their heading's subject (cut once the index, and so its vocabulary, exists). */
  function titleCores() {
    if (setup.cores) return setup.cores;
    setup.cores = new Map();
    setup.docs.forEach(function (doc) {
      var words = splitWords(plainTitle(doc.title), true).filter(function (word) { return !isWeak(word); });
      if (words.length) setup.cores.set(doc.location, keyOf(words));
    });
    return setup.cores;
  }

  function indexWords() {
    if (vocabulary) return vocabulary;
    var set = new Set(), longest = 1;
    if (!builtIndex) return { set: set, longest: longest }; // no index yet: characters stand alone
    Object.keys(builtIndex.invertedIndex).forEach(function (word) {
      if (!HAN.test(word)) return;
      set.add(word);
      longest = Math.max(longest, word.length);
    });
    return (vocabulary = { set: set, longest: longest });
  }

  var builtIndex = null;

  function patchLunr(lunr) {
    var lengthNormalization = lunr.Builder.prototype.b;
    lunr.Builder.prototype.b = function () { lengthNormalization.call(this, LENGTH_NORMALIZATION); };
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      builtIndex = build.call(this);
      vocabulary = null;
      return builtIndex;
    };
    // Material calls search() once per query, with its own rewrite of the query: we answer the plan.
    lunr.Index.prototype.search = function () {
      return searchPlan(this, plans[plans.length - 1], lunr);
    };
  }

  function searchPlan(index, plan, lunr) {
    if (!plan || !plan.strong.length) return [];
    var results = index.query(function (query) {
      plan.strong.forEach(function (word) {
        query.term(word, { boost: 10 });
        query.term(word, { boost: 1, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        if (HAN.test(word) && word.length > 1)
          query.term(word, { boost: 0.5, usePipeline: false,
                             wildcard: lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING });
      });
    });
    return score(index, plan, results);
  }

  /* lunr's score (title words weigh 1000 times text words) times the share of the query's words a
     document holds, squared; then whole-name matches above everything. */
  function score(index, plan, results) {
    var exact = { full: setup.names.get(plan.full) || [], core: setup.names.get(plan.core) || [],
                  specific: mostSpecificName(index, plan) };
    plan.scores = new Map();
    plan.terms = new Map();
    results.forEach(function (result) {
      var terms = wordsFound(plan, Object.keys(result.matchData.metadata));
      var found = plan.strong.filter(function (word) { return terms[word]; }).length;
      var coverage = found / plan.strong.length;
      result.score = result.score * coverage * coverage + TIER * tier(result.ref, plan, exact);
      plan.scores.set(result.ref, result.score);
      plan.terms.set(result.ref, terms);
    });
    exact.full.concat(exact.core, exact.specific).forEach(function (location) {
      // A name given only in the other language's data (or an alias the entry does not print).
      if (plan.scores.has(location) || !setup.titles.has(location)) return;
      var entry = { ref: location, score: TIER * tier(location, plan, exact), matchData: new self.lunr.MatchData() };
      results.push(entry);
      plan.scores.set(location, entry.score);
      plan.terms.set(location, {});
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  /* Which of the query's words a document holds, given the index words it matched: the stemmed
     word, a word it begins, or (Chinese) a longer word it is part of. Material shows the missing
     ones struck through. */
  function wordsFound(plan, matched) {
    var terms = {};
    plan.strong.forEach(function (word) {
      var stemmed = stem(word);
      terms[word] = matched.some(function (m) {
        return m === stemmed || m.indexOf(word) === 0 || (HAN.test(word) && m.indexOf(word) >= 0);
      });
    });
    return terms;
  }

  function tier(location, plan, exact) {
    if (exact.full.indexOf(location) >= 0) return 3;
    if (setup.titles.get(location) === plan.full || titleCores().get(location) === plan.core) return 2;
    if (exact.core.indexOf(location) >= 0) return 1;
    if (exact.specific.indexOf(location) >= 0) return 0.5;
    return 0;
  }

  /* A query made only of glossary names (华为盘古, GPT-3 参数, LoRA 微调) asks about the most
     specific of them: the name the fewest documents contain (ties: the later one, the head of a
     noun compound in both languages). */
  function mostSpecificName(index, plan) {
    var words = plan.strong, covered = words.map(function () { return false; }), found = [];
    for (var i = 0; i < words.length; i++) {
      for (var j = i + 1; j <= words.length; j++) {
        var locations = setup.names.get(keyOf(words.slice(i, j)));
        if (!locations) continue;
        for (var k = i; k < j; k++) covered[k] = true;
        found.push({ locations: locations, end: j, frequency: documentFrequency(index, words.slice(i, j)) });
      }
    }
    if (found.length < 2 || covered.indexOf(false) >= 0) return [];
    found.sort(function (a, b) { return a.frequency - b.frequency || b.end - a.end; });
    return found[0].locations;
  }

  /* How many documents hold every word of a name (GPT-3: gpt and 3), a bound on how many hold it. */
  function documentFrequency(index, words) {
    var docs = null;
    words.forEach(function (word) {
      var entry = index.invertedIndex[stem(word)] || {}, holding = new Set();
      Object.keys(entry).forEach(function (field) {
        if (field !== "_index") Object.keys(entry[field]).forEach(function (ref) { holding.add(ref); });
      });
      docs = docs ? new Set(Array.from(docs).filter(function (ref) { return holding.has(ref); })) : holding;
    });
    return docs.size || Infinity; // a name no page prints says nothing about specificity
  }

  /* Material multiplied each score by its own factors (derived from its rewrite of the query) and
     grouped the results by page; put our scores back and group again in their order. */
  function rerank(message, plan) {
    if (!plan || !plan.scores) return message;
    var items = [].concat.apply([], message.data.items);
    items.forEach(function (item) {
      if (!plan.scores.has(item.location)) return; // a page Material added to head its sections
      item.score = plan.scores.get(item.location);
      item.terms = plan.terms.get(item.location);
    });
    items.sort(function (a, b) { return b.score - a.score; });
    var groups = new Map();
    items.forEach(function (item) {
      var page = item.location.split("#")[0];
      if (!groups.has(page)) groups.set(page, []);
      groups.get(page).push(item);
    });
    message.data.items = Array.from(groups.values());
    return message;
  }
})();

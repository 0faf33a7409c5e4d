// LiveNews dashboard: a live list of stories, a story page, feed health. Text from feeds is always
// set with textContent, never as markup; links only for http(s) addresses.

const EVENT_TYPES = ["StoryCreated", "StoryUpdated", "VersionAttached", "Duplicate", "StoriesMerged"];
const HIGHLIGHT_MS = 15000;
const stories = new Map();      // storyId -> summary-like object
const seen = new Set();         // event ids already applied (storyId/sequence)
let lastEventId = null;
let selected = null;
let source = null;
let retryDelay = 1000;

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};
const time = (iso) => iso ? new Date(iso).toLocaleString() : "";
const safeHref = (url) => (typeof url === "string" && /^https?:\/\//i.test(url)) ? url : null;

function setConnection(state) {
  const badge = $("connection");
  badge.dataset.state = state;
  badge.textContent = { live: "live", reconnecting: "reconnecting…", connecting: "connecting…", offline: "offline" }[state] || state;
}

async function loadStories() {
  const response = await fetch("/api/stories?take=200");
  if (!response.ok) return;
  const page = await response.json();
  for (const s of page.stories) {
    const known = stories.get(s.id);
    if (!known || new Date(known.updatedAt) <= new Date(s.updatedAt)) {
      stories.set(s.id, { ...s, newFacts: known ? known.newFacts : [], fresh: known ? known.fresh : 0 });
    }
  }
  render();
}

function matchesFilter(story) {
  const words = $("filter").value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [story.headline, ...(story.sources || []), ...(story.entities || []), ...(story.newFacts || []).map(f => f.text)]
    .join(" ").toLowerCase();
  return words.every(w => hay.includes(w));
}

function render() {
  const list = $("story-list");
  const items = [...stories.values()].sort((a, b) => new Date(b.updatedAt) - new Date(a.updatedAt));
  const visible = items.filter(matchesFilter);
  list.replaceChildren(...visible.map(card));
  $("empty").hidden = items.length > 0;
  $("story-count").textContent = items.length ? `(${visible.length} of ${items.length})` : "";
}

function card(story) {
  const item = el("li", "story");
  item.tabIndex = 0;
  item.dataset.storyId = story.id;
  if (story.id === selected) item.classList.add("selected");
  if (story.fresh > Date.now()) item.classList.add("updated");
  item.append(el("p", "headline", story.headline || "(untitled)"));
  const versions = story.versionCount ? `${story.versionCount} version${story.versionCount === 1 ? "" : "s"} · ` : "";
  item.append(el("p", "meta", `${versions}${(story.sources || []).join(", ")} · ${time(story.updatedAt)}`));
  if (story.fresh > Date.now() && story.newFacts.length) {
    const facts = el("ul", "new-facts");
    for (const f of story.newFacts.slice(0, 3)) facts.append(el("li", "fact new", f.text));
    item.append(facts);
  }
  item.addEventListener("click", () => openStory(story.id));
  item.addEventListener("keydown", (e) => { if (e.key === "Enter") openStory(story.id); });
  return item;
}

function apply(evt, id) {
  if (id) {
    if (seen.has(id)) return;
    seen.add(id);
    if (seen.size > 20000) seen.delete(seen.values().next().value);
    lastEventId = id;
  }
  if (evt.type === "StoriesMerged") {
    for (const absorbed of evt.absorbed || []) stories.delete(absorbed);
  }
  const existing = stories.get(evt.storyId) || { id: evt.storyId, versionCount: 0, newFacts: [], fresh: 0, entities: [] };
  existing.headline = evt.headline || existing.headline;
  existing.sources = evt.sources && evt.sources.length ? evt.sources : existing.sources;
  existing.updatedAt = evt.at;
  if (["StoryCreated", "StoryUpdated", "VersionAttached"].includes(evt.type)) existing.versionCount = (existing.versionCount || 0) + 1;
  if ((evt.type === "StoryUpdated" || evt.type === "StoryCreated") && evt.newFacts && evt.newFacts.length) {
    existing.newFacts = evt.newFacts;
    existing.fresh = Date.now() + HIGHLIGHT_MS;
    setTimeout(render, HIGHLIGHT_MS + 50);
  }
  stories.set(evt.storyId, existing);
  render();
  if (selected && (selected === evt.storyId || (evt.absorbed || []).includes(selected))) openStory(evt.storyId, evt.newFacts);
}

function connect() {
  if (source) source.close();
  const url = lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : "/api/events";
  setConnection(lastEventId ? "reconnecting" : "connecting");
  source = new EventSource(url);
  source.onopen = () => { setConnection("live"); retryDelay = 1000; };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      setConnection("offline");
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    } else {
      setConnection("reconnecting");
    }
  };
  source.addEventListener("ready", (message) => { if (!lastEventId) lastEventId = message.lastEventId; });
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (message) => {
      try { apply(JSON.parse(message.data), message.lastEventId); } catch (e) { console.error("bad event", e); }
    });
  }
}

async function openStory(id, freshFacts) {
  selected = id;
  location.hash = `story/${encodeURIComponent(id)}`;
  const response = await fetch(`/api/stories/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  const story = await response.json();
  const fresh = new Set((freshFacts || []).map(f => f.text));
  $("detail").hidden = false;
  $("detail-headline").textContent = story.summary.headline;
  $("detail-meta").textContent = `${story.summary.versionCount} versions from ${story.summary.sources.join(", ")} · updated ${time(story.summary.updatedAt)}`
    + (story.summary.entities.length ? ` · ${story.summary.entities.join(", ")}` : "");
  $("detail-facts").replaceChildren(...[...story.facts].reverse().map(f => {
    const li = el("li", fresh.has(f.text) ? "fact new" : "fact", f.text);
    li.append(el("span", "when", `${f.source} · ${time(f.at)}`));
    return li;
  }));
  $("detail-versions").replaceChildren(...[...story.versions].reverse().map(v => {
    const li = el("li", "version");
    const href = safeHref(v.url);
    const title = el(href ? "a" : "span", null, v.title || v.articleId);
    if (href) { title.href = href; title.rel = "noopener noreferrer"; title.target = "_blank"; }
    li.append(title, el("span", "when", `${v.source} · ${time(v.at)} · ${v.newFactCount} new fact${v.newFactCount === 1 ? "" : "s"}`));
    return li;
  }));
  render();
}

async function loadFeeds() {
  try {
    const response = await fetch("/api/feeds");
    const feeds = response.ok ? await response.json() : [];
    const list = $("feed-list");
    list.replaceChildren(...feeds.map(f => {
      const li = el("li");
      const health = el("span", "health");
      health.dataset.state = f.paused ? "paused" : f.consecutiveFailures > 0 ? "failing" : "ok";
      li.append(health, el("span", null, f.title || f.url));
      li.append(el("span", "when meta", f.lastError ? ` ${f.lastError}` : f.lastPoll ? ` polled ${time(f.lastPoll)}` : " not polled yet"));
      return li;
    }));
    $("feeds-empty").hidden = feeds.length > 0;
  } catch {
    $("feeds-empty").hidden = false;
  }
}

$("filter").addEventListener("input", render);
$("close-detail").addEventListener("click", () => { selected = null; $("detail").hidden = true; history.replaceState(null, "", location.pathname); render(); });

// Listen first, then load the list: nothing that happens in between is lost.
connect();
await loadStories();
loadFeeds();
setInterval(loadFeeds, 30000);
const match = /^#story\/(.+)$/.exec(location.hash);
if (match) openStory(decodeURIComponent(match[1]));

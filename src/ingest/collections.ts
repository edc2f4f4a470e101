// Files that hold many reports: JSON lines and Telegram Desktop exports. A bad item is reported on its
// own (file:line, message id) and the other items still come through.
import type { Lang } from "../model/doc.js";
import { languageCode, localWithUnix, otherLanguageCode, validIso } from "./dates.js";
import { fragmentToText, tidyText } from "./htmltext.js";

export interface Item {
  id: string;
  text?: string;
  title?: string;
  source?: string;
  url?: string;
  published?: string;
  language?: Lang;
  /** A stated language sitrep has no lexicons for (de, fr …). */
  otherLanguage?: string;
  error?: string;
}

type Obj = Record<string, unknown>;

function optString(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new Error(`"${key}" must be a string, not ${Array.isArray(v) ? "an array" : typeof v}`);
  return v.trim() || undefined;
}

/** One report object (a jsonl line, or a .json file holding one report or an array of them). */
export function reportObject(v: unknown, id: string): Item {
  const item: Item = { id };
  try {
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error("is not a JSON object");
    const o = v as Obj;
    item.title = optString(o, "title");
    item.source = optString(o, "source");
    item.url = optString(o, "url");
    const published = optString(o, "published");
    if (published) {
      item.published = validIso(published);
      if (!item.published) throw new Error(`"published" is not an ISO 8601 date or time: ${JSON.stringify(published.slice(0, 40))}`);
    }
    const language = optString(o, "language");
    if (language) {
      const l = languageCode(language);
      item.otherLanguage = otherLanguageCode(language);
      if (!l.lang && !item.otherLanguage) throw new Error(`"language" must be a language code such as nl, en or de, not ${JSON.stringify(language.slice(0, 20))}`);
      item.language = l.lang;
    }
    const text = optString(o, "text");
    const html = optString(o, "html");
    const body = text !== undefined ? tidyText(text) : html !== undefined ? fragmentToText(html) : "";
    if (!body.trim()) throw new Error(`has no "text"`);
    item.text = body;
  } catch (e) {
    item.error = (e as Error).message;
  }
  return item;
}

export function readJsonl(content: string): Item[] {
  const items: Item[] = [];
  let lineNo = 0;
  for (const line of content.split("\n")) {
    lineNo++;
    if (!line.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      items.push({ id: `line ${lineNo}`, error: `not valid JSON (${(e as Error).message.replace(/^Unexpected/, "unexpected")})` });
      continue;
    }
    items.push(reportObject(v, `line ${lineNo}`));
  }
  return items;
}

/** Telegram Desktop "Export chat history" (JSON): one chat, or a full export with chats.list. */
export function isTelegramExport(v: unknown): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Obj;
  return Array.isArray(o.messages) || Array.isArray((o.chats as Obj | undefined)?.list);
}

export interface TelegramChat {
  source?: string;
  items: Item[];
}

export function readTelegram(v: Obj): TelegramChat[] {
  const chats: Obj[] = Array.isArray(v.messages) ? [v] : ((v.chats as Obj).list as unknown[]).filter((c): c is Obj => !!c && typeof c === "object");
  return chats.map((chat) => {
    const source = typeof chat.name === "string" ? chat.name.trim() || undefined : undefined;
    const items: Item[] = [];
    const messages = Array.isArray(chat.messages) ? (chat.messages as unknown[]) : [];
    messages.forEach((m, i) => {
      // one bad message is skipped with its own line; it never costs the rest of the export
      if (!m || typeof m !== "object" || Array.isArray(m)) {
        items.push({ id: `message #${i + 1}`, error: "is not a JSON object" });
        return;
      }
      const msg = m as Obj;
      const id = `message ${typeof msg.id === "number" || typeof msg.id === "string" ? String(msg.id).slice(0, 40) : `#${i + 1}`}`;
      if (msg.type !== undefined && msg.type !== "message") return;
      const raw = msg.text ?? msg.text_entities;
      if (raw !== undefined && raw !== null && typeof raw !== "string" && !Array.isArray(raw)) {
        items.push({ id, error: `"text" must be a string or a list of text parts, not ${typeof raw}` });
        return;
      }
      const body = tidyText(messageText(raw));
      // Photos and stickers without a caption are not reports; skipping them is not an error.
      if (!body) return;
      const unix = msg.date_unixtime !== undefined && msg.date_unixtime !== null ? Number(msg.date_unixtime) : undefined;
      const local = typeof msg.date === "string" ? msg.date : undefined;
      const published = localWithUnix(local, unix);
      if (!published) {
        const said = [msg.date !== undefined ? `date ${JSON.stringify(msg.date).slice(0, 40)}` : "", msg.date_unixtime !== undefined ? `date_unixtime ${JSON.stringify(msg.date_unixtime).slice(0, 30)}` : ""].filter(Boolean).join(", ");
        items.push({ id, error: `has no valid date (${said || "none given"})` });
        return;
      }
      items.push({ id, text: body, source, published });
    });
    return { source, items };
  });
}

/** `text` is a string, or an array of strings and entity objects ({type: "bold", text: "…"}). */
function messageText(t: unknown): string {
  if (typeof t === "string") return t;
  if (!Array.isArray(t)) return "";
  let s = "";
  for (const part of t) {
    if (typeof part === "string") s += part;
    else if (part && typeof part === "object" && typeof (part as Obj).text === "string") s += (part as Obj).text as string;
  }
  return s;
}

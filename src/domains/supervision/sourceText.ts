// The text of an uploaded speech or report: .txt as UTF-8 (a BOM dropped), .docx
// from word/document.xml inside the zip, one line per paragraph.
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e]!;
  });
}

/** Paragraph texts of a WordprocessingML body: runs' w:t joined, w:tab and w:br kept as whitespace. */
export function documentXmlToText(xml: string): string {
  const body = xml.replace(/<w:body>([\s\S]*)<\/w:body>/, '$1');
  const paras = body.split(/<\/w:p>/);
  const lines: string[] = [];
  for (const p of paras) {
    if (!p.includes('<w:p')) continue;
    let line = '';
    const re = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      if (m[1] !== undefined) line += decodeXml(m[1]);
      else line += m[0] === '<w:tab/>' ? '\t' : '\n';
    }
    lines.push(line);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export class UnreadableText extends Error {}

/** Reads a .txt or .docx file's text; throws UnreadableText for anything else. */
export async function readSourceText(name: string, data: Buffer | Uint8Array): Promise<string> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw new UnreadableText(name);
    }
    const doc = zip.file('word/document.xml');
    if (!doc) throw new UnreadableText(name);
    return documentXmlToText(await doc.async('string'));
  }
  if (lower.endsWith('.txt')) {
    const text = Buffer.from(data).toString('utf8');
    if (text.includes('\uFFFD')) throw new UnreadableText(name); // not UTF-8 (e.g. GBK)
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  }
  throw new UnreadableText(name);
}

/** Several lines a person wrote (support's question, a rejection reason), shown as a quotation. */
export interface Quotation {
  quote: string;
}

/** The one layout every email uses: a heading, paragraphs (or quotations) and at most one button. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: (string | Quotation)[];
  action?: { label: string; url: string };
  footer: string;
}

/**
 * Marks text a person wrote as a quotation: the only part of an email that may hold line breaks,
 * set apart ("> " before each line, a bordered block in HTML) so it cannot pass for our own text.
 */
export const quoted = (text: string): Quotation => ({ quote: text });

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const lineBreak = /\r\n|[\r\n\u0085\u2028\u2029]/;

/**
 * Everything but a quotation is one line. Note: forms refuse line breaks in names, but a name
 * stored before they did must still not start a line (a fake header or paragraph) of its own.
 */
const flat = (value: string) => value.split(lineBreak).filter(Boolean).join(' ');

const quoteLines = (quotation: Quotation) => quotation.quote.split(lineBreak);

const htmlParagraph = (paragraph: string | Quotation) =>
  typeof paragraph === 'string'
    ? `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(flat(paragraph))}</p>`
    : `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #cbd5e1;background:#f8fafc;color:#334155;line-height:1.5">${quoteLines(paragraph).map(escapeHtml).join('<br>')}</blockquote>`;

const textParagraph = (paragraph: string | Quotation) =>
  typeof paragraph === 'string' ? flat(paragraph) : quoteLines(paragraph).map((line) => (line ? `> ${line}` : '>')).join('\n');

export function renderEmail(content: EmailContent) {
  const subject = flat(content.subject);
  const heading = flat(content.heading);
  const paragraphs = content.paragraphs.map(htmlParagraph).join('');
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#475569;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;padding:24px"><div style="background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>${paragraphs}${button}</div>
<p style="font-size:12px;color:#64748b;margin:16px 0 0">${escapeHtml(content.footer)}</p></div></body></html>`;
  const text = [
    heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [textParagraph(paragraph), '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    content.footer,
  ].join('\n');
  return { subject, html, text };
}

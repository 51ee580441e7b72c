import { describe, expect, it } from 'vitest';
import { quoted, renderEmail } from '@/lib/email/templates/layout';
import { orderEmail } from '@/lib/email/templates/order-emails';
import { signInLinkEmail } from '@/lib/email/templates/sign-in-link';

describe('email templates', () => {
  it('escapes text that came from people', () => {
    const { html, text } = renderEmail({
      subject: 's',
      heading: 'Order for <script>alert(1)</script>',
      paragraphs: ['Tom & "Jerry"'],
      footer: 'f',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Tom &amp; &quot;Jerry&quot;');
    expect(text).toContain('Order for <script>alert(1)</script>');
  });

  it('puts the sign-in link and its lifetime in both the HTML and the text part', () => {
    const url = 'http://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.fi';
    const email = signInLinkEmail({ url, expiresInMinutes: 15, locale: 'en' });
    expect(email.subject).toBe('Your sign-in link to CloudPOS Account Orders');
    expect(email.text).toContain(url);
    expect(email.text).toContain('15 minutes');
    expect(email.html).toContain(url.replaceAll('&', '&amp;'));
  });

  it('quotes what a person wrote, line by line, in both parts', () => {
    const { html, text } = renderEmail({
      subject: 's',
      heading: 'h',
      paragraphs: ['Support asks:', quoted('Is this right?\n\n<b>Bcc:</b> me & you\r\nThanks'), 'Answer in the portal.'],
      footer: 'f',
    });
    expect(text).toContain('Support asks:\n\n> Is this right?\n>\n> <b>Bcc:</b> me & you\n> Thanks\n\nAnswer in the portal.');
    expect(html).toMatch(/<blockquote[^>]*>Is this right\?<br><br>&lt;b&gt;Bcc:&lt;\/b&gt; me &amp; you<br>Thanks<\/blockquote>/);
  });

  it('keeps everything else on one line, so a stored name cannot start a line of its own', () => {
    const name = 'Anna\r\nBcc: someone@example.com\r\n\r\nYour password is hunter2';
    const { subject, html, text } = renderEmail({ subject: `For ${name}`, heading: `Hello ${name}`, paragraphs: [`The account for ${name} is ready.`], footer: 'f' });
    expect(subject).toBe('For Anna Bcc: someone@example.com Your password is hunter2');
    expect(text.split('\n').filter((line) => /^(Bcc|Your password)/.test(line))).toEqual([]);
    expect(html).not.toMatch(/[\r\n]Bcc/);
  });

  it("quotes support's question and a rejection reason in the order emails", () => {
    const order = { id: 'o1', number: 1042, type: 'channel', recipientName: 'Anna', merchantName: null, dueAt: new Date('2030-01-07T10:00:00Z'), recipientPhone: '+358401234567' } as const;
    const question = orderEmail('question', order, 'http://localhost:3000', 'en', { text: 'Which number?\nThe one ending 567?' });
    expect(question.text).toContain('> Which number?\n> The one ending 567?');
    const rejected = orderEmail('rejected', order, 'http://localhost:3000', 'en', { text: 'A duplicate of 1041.\nCancel one.' });
    expect(rejected.text).toContain('> A duplicate of 1041.\n> Cancel one.');
    expect(rejected.html).toContain('A duplicate of 1041.<br>Cancel one.</blockquote>');
  });
});

import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/lib/email/templates/layout';
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
    const email = signInLinkEmail({ url, expiresInMinutes: 15 });
    expect(email.subject).toBe('Your sign-in link to CloudPOS Account Orders');
    expect(email.text).toContain(url);
    expect(email.text).toContain('15 minutes');
    expect(email.html).toContain(url.replaceAll('&', '&amp;'));
  });
});

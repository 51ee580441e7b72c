import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { orders, outboxMessages, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { catalogue, translatorFor } from '@/tests/support/catalogues';
import { doubleMessages, expect, reportSmsStatus, test } from '../fixtures';

type Catalogue = { [key: string]: string | Catalogue };
const en = catalogue('en');
const fi = catalogue('fi');
const sv = catalogue('sv');
const values = (messages: Catalogue): string[] => Object.values(messages).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));

/**
 * English text that must not show in a page or email in `locale`: each English message, or each
 * run of words between its placeholders, that the other catalogue does not also use (names such
 * as "ECR" are the same in every language).
 */
function englishLeftovers(locale: 'fi' | 'sv') {
  const own = new Set(values(locale === 'fi' ? fi : sv));
  const autonyms = ['English'];
  const phrases = values(en)
    .filter((message) => !/\{\w+, (plural|select)/.test(message))
    .flatMap((message) => message.split(/\{[^}]*\}/))
    .map((phrase) => phrase.trim().replace(/^[\s.,:;·–()]+|[\s.,:;·–()]+$/g, ''))
    .filter((phrase) => phrase.length >= 4 && /[a-z]{3}/.test(phrase) && !own.has(phrase) && !autonyms.includes(phrase));
  return [...new Set(phrases)];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectNoEnglish(page: string, locale: 'fi' | 'sv', where: string) {
  // Messages a language shares with English ("CloudPOS Account Orders" in Swedish) are its own.
  const english = new Set(values(en));
  const text = values(locale === 'fi' ? fi : sv)
    .filter((message) => english.has(message))
    .reduce((rest, shared) => rest.replaceAll(shared, ' '), page);
  const found = englishLeftovers(locale).filter((phrase) => new RegExp(`(^|[^\\p{L}])${escape(phrase)}([^\\p{L}]|$)`, 'u').test(text));
  expect(found, `English text on ${where}`).toEqual([]);
}

async function pageInOnly(page: Page, locale: 'fi' | 'sv') {
  await expect(page.locator('html')).toHaveAttribute('lang', locale === 'fi' ? 'fi-FI' : 'sv-SE');
  expectNoEnglish(await page.locator('body').innerText(), locale, page.url());
}

const catalogueOf = { fi, sv } as const;

for (const locale of ['fi', 'sv'] as const) {
  test(`[I18N] ordering and fulfilment in ${locale}: pages, emails and the SMS speak only its language`, async ({ page, data, signInAs, browser }) => {
    test.setTimeout(90_000);
    const m = catalogueOf[locale];
    const t = translatorFor(locale as Locale);
    const partner = await data.createPerson('partner_admin', 'ecr_integrator');
    const agent = await data.createPerson('support_agent');
    await data.db.update(users).set({ locale }).where(eq(users.id, partner.user.id));
    await data.db.update(users).set({ locale }).where(eq(users.id, agent.user.id));
    await signInAs(partner.user.id);

    // The partner orders a merchant account.
    await page.goto('/orders');
    await pageInOnly(page, locale);
    await page.goto('/orders/new/form?type=merchant');
    await pageInOnly(page, locale);
    await expect(page.getByRole('combobox', { name: m.orderForm.recipientLocale })).toHaveValue(locale);
    const phone = `+35840${String(Date.now()).slice(-7)}`;
    await page.getByLabel(m.orderForm.recipientPhone).fill(phone);
    await page.getByLabel(m.orderForm.merchantName).fill('Kahvila Äänekoski');
    await page.getByLabel(m.orderForm.merchantBusinessId).fill('2605261-8');
    await page.getByRole('button', { name: m.orderForm.submit }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
    const orderId = new URL(page.url()).pathname.split('/').at(-1)!;
    await pageInOnly(page, locale);
    const [order] = await data.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order!.recipientLocale).toBe(locale);

    // The confirmation email, in the orderer's language, with a day-first 24-hour due date.
    const type = t('accountTypes.merchant.name');
    await expect.poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, partner.user.email))).length).toBe(1);
    const [received] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, partner.user.email));
    expect(received!.subject).toBe(t('email.order.received.subject', { number: order!.number, type }));
    expectNoEnglish(received!.bodyText, locale, 'the order-received email');
    expect(received!.bodyText).toMatch(locale === 'fi' ? /\d{1,2}\. \p{L}+ \d{4} klo \d{1,2}\.\d\d/u : /\d{1,2} \p{L}+ \d{4} kl\. \d\d:\d\d/u);

    // Support takes it and sends the credentials, in the agent's language.
    const support = await browser.newContext();
    await signInAs(agent.user.id, support);
    const desk = await support.newPage();
    await desk.goto(`/support?partner=${encodeURIComponent(partner.organisation.name)}`);
    await pageInOnly(desk, locale);
    await desk.goto(`/orders/${orderId}`);
    await pageInOnly(desk, locale);
    await desk.getByRole('button', { name: m.support.claim }).click();
    await expect(desk.getByText(m.support.claimed)).toBeVisible();
    const form = desk.getByTestId('credentials-form');
    await form.getByLabel(m.support.username).fill(`kahvila-${locale}-01`);
    await form.getByRole('button', { name: m.support.generate }).click();
    const password = await form.getByLabel(m.support.password).inputValue();
    await form.getByRole('button', { name: m.support.sendCredentials }).click();
    await expect.poll(async () => (await doubleMessages()).filter((message) => message.to === phone).length).toBe(1);
    await pageInOnly(desk, locale);

    // The SMS, in the language the order chose for its recipient.
    const [sms] = (await doubleMessages()).filter((message) => message.to === phone);
    const reference = sms!.body.match(/Ref (\S+)/)![1]!;
    expect(sms!.body).toBe(t('sms.credentials', { password, reference }));

    // Twilio reports it delivered: the order completes, and the partner reads it in their language.
    expect((await reportSmsStatus(sms!, 'delivered')).status).toBe(204);
    await page.reload();
    await expect(page.getByTestId('order-status')).toContainText(m.orderStates.completed);
    await pageInOnly(page, locale);

    // Delivered: the recipient gets the username by email, in the order's language too.
    const credentialsSubject = t('email.order.credentials.subject', { number: order!.number, type });
    await expect.poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.subject, credentialsSubject))).length).toBe(1);
    const [credentialsEmail] = await data.db.select().from(outboxMessages).where(eq(outboxMessages.subject, credentialsSubject));
    expect(credentialsEmail!.recipient).toBe(order!.recipientEmail);
    expect(credentialsEmail!.bodyText).toContain(`kahvila-${locale}-01`);
    expectNoEnglish(credentialsEmail!.bodyText, locale, 'the username email');
    const completedSubject = t('email.order.completed.subject', { number: order!.number, type });
    await expect.poll(async () => (await data.db.select().from(outboxMessages).where(eq(outboxMessages.subject, completedSubject))).map((email) => email.recipient)).toEqual([partner.user.email]);
    await support.close();
  });
}

test('[I18N] a visitor gets the browser’s language, switches it on the sign-in page, and keeps the choice', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sv-FI' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');
  await expect(page.getByRole('heading', { name: sv.signIn.title })).toBeVisible();
  await page.getByRole('button', { name: 'Suomi' }).click();
  await expect(page.getByRole('heading', { name: fi.signIn.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suomi' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/sign-in/check-email');
  await expect(page.getByRole('heading', { name: fi.checkEmail.title })).toBeVisible();
  await context.close();
});

import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { orders } from '@/db/schema';
import { doubleMessages, expect, test } from '../fixtures';

/**
 * An order placed and fulfilled with the keyboard alone: Tab, Shift+Tab, Space, Enter and the
 * arrow keys through page.keyboard, never a click or a fill. Each stop checks the focused
 * control's role and accessible name, and that the focus can be seen.
 */

const focused = (page: Page) => page.locator(':focus');

/** The focused element as the accessibility tree names it: `- link "New order"`. */
async function describeFocus(page: Page) {
  const element = focused(page);
  if ((await element.count()) === 0) return '(nothing focused)';
  return (await element.first().ariaSnapshot()).split('\n')[0]!.trim();
}

/**
 * Presses Tab (or Shift+Tab) until a control of `role` named `name` has the focus, and checks
 * that its focus indicator shows.
 */
async function tabTo(page: Page, role: Parameters<Page['getByRole']>[0], name: string | RegExp, { back = false, max = 60 } = {}) {
  const seen: string[] = [];
  const target = page.getByRole(role, { name, exact: typeof name === 'string' }).and(focused(page));
  for (let step = 0; step < max; step += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await target.count()) > 0) {
      await expect(focused(page)).toHaveAccessibleName(name);
      await expectVisibleFocus(page);
      return;
    }
    seen.push(await describeFocus(page));
  }
  throw new Error(`no ${role} "${name}" within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus went through:\n${seen.join('\n')}`);
}

/** The focused control draws an outline (or a ring) that can be seen. */
async function expectVisibleFocus(page: Page) {
  const style = await focused(page).evaluate((element) => {
    const computed = getComputedStyle(element);
    return { outlineStyle: computed.outlineStyle, outlineWidth: computed.outlineWidth, boxShadow: computed.boxShadow };
  });
  const outline = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  expect(outline || style.boxShadow !== 'none', `a visible focus indicator on ${await describeFocus(page)}: ${JSON.stringify(style)}`).toBe(true);
}

test('[A11Y] a partner places an order and support fulfils it, with the keyboard alone', async ({ page, data, signInAs, browser }) => {
  test.setTimeout(90_000);
  const partner = await data.createPerson('partner_member', 'ecr_integrator');
  await signInAs(partner.user.id);
  const phone = `+35840${String(Date.now()).slice(-7)}`;

  // The partner: from the order list to the form, by the advisor's skip link.
  await page.goto('/orders');
  await tabTo(page, 'link', 'New order');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/new$/);
  await tabTo(page, 'link', 'I know the type: go to the form');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/new\/form$/);

  // The account type: a radio group, chosen with the arrow keys and Space.
  await tabTo(page, 'radio', /^Channel account/);
  await page.keyboard.press('Space');
  await expect(focused(page)).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toHaveAccessibleName(/^Merchant account/);
  await expect(focused(page)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(focused(page)).toHaveAccessibleName(/^Channel account/);
  await expect(focused(page)).toBeChecked();

  // The recipient defaults to the orderer; the phone number is typed.
  await tabTo(page, 'textbox', "Recipient's name");
  await expect(focused(page)).toHaveValue('Test Person');
  await tabTo(page, 'textbox', "Recipient's email");
  await expect(focused(page)).toHaveValue(partner.user.email);
  await tabTo(page, 'textbox', "Recipient's mobile number");
  await page.keyboard.type(phone);
  // Back and forth: Shift+Tab returns to the email field, Tab to the phone again.
  await tabTo(page, 'textbox', "Recipient's email", { back: true });
  await tabTo(page, 'textbox', "Recipient's mobile number");
  await expect(focused(page)).toHaveValue(phone);

  await tabTo(page, 'button', 'Place order');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(page.getByTestId('order-status')).toContainText('Submitted');
  const [order] = await data.db.select().from(orders).where(eq(orders.organisationId, partner.organisation.id));
  expect(order).toMatchObject({ type: 'channel', recipientPhone: phone, state: 'submitted' });

  // Support: from the queue, filtered to this partner, to the order.
  const agent = await data.createPerson('support_agent');
  const context = await browser.newContext();
  const agentPage = await context.newPage();
  await signInAs(agent.user.id, context);
  await agentPage.goto(`/support?partner=${encodeURIComponent(partner.organisation.name)}`);
  await tabTo(agentPage, 'link', new RegExp(`#${order!.number}`));
  await agentPage.keyboard.press('Enter');
  await expect(agentPage).toHaveURL(new RegExp(`/orders/${order!.id}$`));

  await tabTo(agentPage, 'button', 'Take it');
  await agentPage.keyboard.press('Enter');
  await expect(agentPage.getByText('You have this order.')).toBeVisible();

  await tabTo(agentPage, 'textbox', 'CloudPOS username');
  await agentPage.keyboard.type('keyboard-channel-01');
  await tabTo(agentPage, 'button', 'Generate a password');
  await agentPage.keyboard.press('Space');
  await tabTo(agentPage, 'textbox', 'Initial password', { back: true });
  await expect(focused(agentPage)).toHaveValue(/^.{16}$/);
  await tabTo(agentPage, 'button', 'Save and text the password');
  await agentPage.keyboard.press('Enter');

  await expect(agentPage.getByTestId('order-status')).toContainText(/Account created|Credentials sent/);
  await expect.poll(async () => (await data.db.select().from(orders).where(eq(orders.id, order!.id)))[0]!.state).toBe('credentials_sent');
  expect((await doubleMessages()).filter((message) => message.to === phone)).toHaveLength(1);
  await context.close();
});

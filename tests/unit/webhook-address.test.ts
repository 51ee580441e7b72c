import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress } from '@/lib/webhooks/address';
import { webhookTypeForOrderEvent } from '@/lib/webhooks/events';

const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('isPublicAddress', () => {
  it.each(['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => expect(isPublicAddress(address)).toBe(true));
});

describe('checkWebhookUrl', () => {
  const production = { allowPrivate: false };
  it('refuses http, credentials and garbage outside local mode', async () => {
    expect(await checkWebhookUrl('http://93.184.215.14/', production)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(await checkWebhookUrl('ftp://93.184.215.14/', production)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(await checkWebhookUrl('https://user:pw@93.184.215.14/', production)).toMatchObject({ ok: false, reason: 'credentials' });
    expect(await checkWebhookUrl('not a url', production)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a name when any of its addresses is private (a rebinding name answers both)', async () => {
    expect(await checkWebhookUrl('https://hooks.example.com/', { ...production, resolve: resolveTo('93.184.215.14', '10.0.0.1') })).toMatchObject({ ok: false, reason: 'private_address', address: '10.0.0.1' });
    expect(await checkWebhookUrl('https://hooks.example.com/', { ...production, resolve: resolveTo('::ffff:127.0.0.1') })).toMatchObject({ ok: false, reason: 'private_address' });
  });

  it('allows a public name and hands back the address to connect to', async () => {
    expect(await checkWebhookUrl('https://hooks.example.com/x', { ...production, resolve: resolveTo('93.184.215.14') })).toMatchObject({ ok: true, address: '93.184.215.14', family: 4 });
    expect(await checkWebhookUrl('https://[2606:4700:4700::1111]/x', production)).toMatchObject({ ok: true, address: '2606:4700:4700::1111', family: 6 });
  });

  it('refuses a name that does not resolve', async () => {
    const failing = async () => Promise.reject(new Error('ENOTFOUND'));
    expect(await checkWebhookUrl('https://nowhere.invalid/', { ...production, resolve: failing })).toMatchObject({ ok: false, reason: 'unresolvable' });
  });

  it('allows anything reachable in local mode', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:4000/hook', { allowPrivate: true })).toMatchObject({ ok: true, address: '127.0.0.1' });
  });
});

describe('which timeline events a webhook reports', () => {
  it('maps the reported kinds and only final SMS outcomes', () => {
    expect(webhookTypeForOrderEvent('submitted')).toBe('order.submitted');
    expect(webhookTypeForOrderEvent('question_asked')).toBe('order.needs_info');
    expect(webhookTypeForOrderEvent('sms_status', { status: 'delivered' })).toBe('sms.delivered');
    expect(webhookTypeForOrderEvent('sms_status', { status: 'undelivered' })).toBe('sms.failed');
    expect(webhookTypeForOrderEvent('sms_status', { status: 'failed' })).toBe('sms.failed');
    expect(webhookTypeForOrderEvent('sms_status', { status: 'sent' })).toBeNull();
    expect(webhookTypeForOrderEvent('claimed')).toBeNull();
    expect(webhookTypeForOrderEvent('answered')).toBeNull();
  });
});

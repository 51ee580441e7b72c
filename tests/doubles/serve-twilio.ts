/** The Twilio double as a process of its own, for the end-to-end server (playwright.config.ts). */
import { TWILIO_DOUBLE_PORT } from '@/tests/support/test-env';
import { startTwilioDouble } from './twilio-double';

const double = await startTwilioDouble({ port: TWILIO_DOUBLE_PORT });
console.log(`Twilio double listening at ${double.url}`);

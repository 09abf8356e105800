// Drives the system Chromium through the ItpBot Web Chat page and reports what a user would see, as one JSON line on
// stdout. The C# browser test (ItpBot.Tests/Channels/WebChatBrowserTests.cs) starts the host, runs this, and asserts.
//
//   node webchat-check.mjs --url http://127.0.0.1:PORT/ --chromium /usr/bin/chromium --screenshot out.png
//                          --plan '[{"say":"hello"},{"click":"*","optional":true}]'
//
// Plan steps: {"say": text} types and sends a message; {"click": label | "*"} clicks a suggested action (the first
// for "*"); "optional": true skips a click when no suggested action is shown. Each step waits for the bot's answer.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    chromium: { type: 'string' },
    screenshot: { type: 'string' },
    plan: { type: 'string', default: '[]' },
    timeout: { type: 'string', default: '30000' }
  }
});
const timeout = Number(args.timeout);
const plan = JSON.parse(args.plan);
const origin = new URL(args.url).origin;

const report = { welcome: null, steps: [], markdownStrong: [], adaptiveCards: [], externalRequests: [], pageErrors: [], webSockets: [], sendFailures: 0, transcript: '' };

// Web Chat's DOM, as of botframework-webchat 4.18.
const ACTIVITY = '.webchat__basic-transcript__activity';
const FROM_USER = '.webchat__bubble--from-user';
const SUGGESTED_ACTION = '.webchat__suggested-actions button, button.webchat__suggested-action';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

const profile = mkdtempSync(join(tmpdir(), 'itpbot-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: args.chromium,
  headless: true,
  viewport: { width: 1100, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic']
});

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(timeout);
  // The page must work offline: anything that is not the host itself is recorded and refused.
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) {
      return route.continue();
    }
    report.externalRequests.push(url);
    return route.abort();
  });
  page.on('websocket', socket => report.webSockets.push(new URL(socket.url()).pathname));
  page.on('pageerror', error => report.pageErrors.push(String(error)));
  page.on('console', message => {
    if (message.type() === 'error') report.pageErrors.push(message.text());
  });

  await page.goto(args.url);
  const botCount = () => page.locator(`${ACTIVITY}:not(:has(${FROM_USER}))`).count();
  await page.locator(`${ACTIVITY}:not(:has(${FROM_USER}))`).first().waitFor();
  report.welcome = await page.locator(`${ACTIVITY}:not(:has(${FROM_USER}))`).first().innerText();

  for (const step of plan) {
    const before = await botCount();
    const result = { step, sentText: null, newBotText: null, suggestedActions: [] };
    await settle(page);
    result.suggestedActionsBefore = await page.locator(SUGGESTED_ACTION).allInnerTexts();

    if (step.say !== undefined) {
      await page.locator(SEND_BOX).fill(step.say);
      await page.locator(SEND_BOX).press('Enter');
      result.sentText = step.say;
    } else if (step.click !== undefined) {
      const buttons = page.locator(SUGGESTED_ACTION);
      const target = step.click === '*' ? buttons.first() : buttons.filter({ hasText: step.click }).first();
      if ((await buttons.count()) === 0 && step.optional) {
        result.skipped = 'no suggested action shown';
        report.steps.push(result);
        continue;
      }
      result.sentText = (await target.innerText()).trim();
      await target.click();
    }

    // Sent (echoed back with its id) and answered.
    await page.locator(`${ACTIVITY}:has(${FROM_USER})`).filter({ hasText: result.sentText }).last().waitFor();
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length > count,
      [`${ACTIVITY}:not(:has(${FROM_USER}))`, before]
    );
    await settle(page);
    const bots = page.locator(`${ACTIVITY}:not(:has(${FROM_USER}))`);
    const texts = [];
    for (let i = before; i < (await bots.count()); i++) texts.push(await bots.nth(i).innerText());
    result.newBotText = texts.join('\n');
    result.suggestedActions = await page.locator(SUGGESTED_ACTION).allInnerTexts();
    report.steps.push(result);
  }

  await settle(page);
  report.sendFailures = await page.getByText(/Send failed|could not send/i).count();
  report.markdownStrong = await page.locator(`${ACTIVITY}:not(:has(${FROM_USER})) .webchat__render-markdown strong`).allInnerTexts();
  report.adaptiveCards = await page.locator('#webchat .ac-adaptiveCard').allInnerTexts();
  report.transcript = await page.locator('#webchat .webchat__basic-transcript__transcript').innerText();
  if (args.screenshot) {
    await page.screenshot({ path: args.screenshot, fullPage: true });
  }
} catch (error) {
  report.error = String(error && error.stack ? error.stack : error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

process.stdout.write(JSON.stringify(report) + '\n');

// Lets Web Chat finish rendering (no new activity for a moment) before reading or acting.
async function settle(page) {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const count = await page.locator(ACTIVITY).count();
    if (count === last) return;
    last = count;
    await page.waitForTimeout(300);
  }
}

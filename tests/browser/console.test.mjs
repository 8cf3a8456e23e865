// The fleet console in a real browser: Debian's Chromium driven by playwright-core (never a
// downloaded browser), against the real fleet server over HTTPS on loopback with a test CA
// (`console_fixture serve`), with a real phone core syncing with it (`console_fixture phone`).
// axe-core checks every page against WCAG 2.2 A/AA. Run by scripts/browser-tests.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");
const fixtureBin = process.env.CONSOLE_FIXTURE ?? path.join(root, "target/debug/console_fixture");
const fleetBin = process.env.CROSSING_FLEET ?? path.join(root, "target/debug/crossing-fleet");
const shots = process.env.CONSOLE_SCREENSHOTS ?? mkdtempSync(path.join(tmpdir(), "console-shots-"));
const ACI = "T-2026-11-0417"; // the ACI example: CRN 1234TR261126001, port 0453
const ACE = "T-2026-11-0533"; // the ACE example: NRTH2026112700017, port 3801
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
// Generous: the board refreshes within seconds; a slow CI machine still gets there.
const LIVE_TIMEOUT = 20_000;

let fx, server, work, browser, strict, weights = {};

function chromiumPath() {
  return execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
}

/** A fresh browser context (its own profile dir). `bypassCSP` only where axe is injected.
 * `locale` is the browser's language (its `Accept-Language`); English by default. */
async function context(bypassCSP, locale = "en-US") {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "chromium-profile-")), {
    executablePath: chromiumPath(), headless: true, args: FLAGS, locale,
    ignoreHTTPSErrors: true, bypassCSP, viewport: { width: 1400, height: 1000 },
  });
}

function phone(...args) {
  const out = execFileSync(fixtureBin, ["phone", path.join(work, "phone"), fx.url, fx.ca, fx.driver, ...args]);
  return JSON.parse(out.toString());
}

async function signIn(page, token = fx.manager) {
  await page.goto(`${fx.url}/ui/login`);
  await page.getByLabel("Manager token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** axe-core on the page as it is now: no violation of WCAG 2.2 A/AA. */
async function axe(page, name) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  assert.ok(result.passes.length > 10, `${name}: axe ran (${result.passes.length} rules passed)`);
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
  assert.deepEqual(found, [], `${name}: axe violations`);
}

/** HTML + CSS + JS of a page, in bytes, as the browser received them (the live stream, which
 * never ends, is not counted). */
async function weigh(page, name, url) {
  const sizes = { html: 0, css: 0, js: 0 };
  const pending = [];
  const listener = (resp) => {
    const type = resp.headers()["content-type"] ?? "";
    const kind = type.startsWith("text/html") ? "html"
      : type.startsWith("text/css") ? "css"
        : type.startsWith("text/javascript") ? "js" : null;
    if (kind) pending.push(resp.body().then((b) => { sizes[kind] += b.length; }, () => {}));
  };
  page.on("response", listener);
  await page.goto(url);
  await page.waitForLoadState("load");
  page.off("response", listener);
  await Promise.all(pending);
  weights[name] = sizes;
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "console-test-"));
  mkdirSync(shots, { recursive: true });
  server = spawn(fixtureBin, ["serve", work], { stdio: ["pipe", "pipe", "inherit"] });
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once("line", resolve);
    server.once("exit", (code) => reject(new Error(`fixture exited ${code}`)));
  });
  fx = JSON.parse(first);
  phone(); // the driver's phone pulls both trips
  browser = await context(true);
  strict = await context(false);
});

after(async () => {
  await browser?.close();
  await strict?.close();
  server?.stdin.end();
  writeFileSync(path.join(shots, "weights.json"), JSON.stringify(weights, null, 2));
  console.log("page weights (bytes):", JSON.stringify(weights));
});

test("sign-in refuses a driver token and opens the board for a manager", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/board`);
  assert.match(page.url(), /\/ui\/login$/, "no session: the sign-in page");
  await axe(page, "sign-in");
  await signIn(page, fx.driver);
  await page.getByRole("alert").filter({ hasText: "not a valid fleet manager token" }).waitFor();
  await signIn(page);
  await page.getByRole("heading", { name: "Board" }).waitFor();
  for (const n of ["1234TR261126001", "NRTH2026112700017"]) {
    await page.getByRole("link", { name: n }).waitFor();
  }
  const cookies = await browser.cookies(fx.url);
  const c = cookies.find((c) => c.name === "__Host-crossing_session");
  assert.ok(c && c.httpOnly && c.secure && c.sameSite === "Strict", JSON.stringify(cookies));
  await axe(page, "board");
  await weigh(page, "board", `${fx.url}/ui/board`);
  await page.close();
});

test("a driver's event, uploaded through the real API, appears live with its flag", async () => {
  // A browser that enforces the CSP: the live script must work under it.
  const page = await strict.newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await signIn(page);
  await page.getByRole("heading", { name: "Board" }).waitFor();
  const before = await page.locator("#updated").textContent();
  // The fleet amends the ACI trip; the phone, still on v1, records an exception and syncs:
  // the server flags the event stale_trip_version.
  const api = strict.request;
  const auth = (t) => ({ authorization: `Bearer ${t}` });
  const doc = await (await api.get(`${fx.url}/v1/trips/F1:${ACI}`, { headers: auth(fx.driver) })).json();
  doc.id = ACI;
  doc.version = 2;
  const pushed = await api.post(`${fx.url}/v1/fleet/trips`, { headers: auth(fx.manager), data: doc });
  assert.equal(pushed.status(), 200, await pushed.text());
  phone("record", "exception", `F1:${ACI}`, "Tire blown <b>near</b> the bridge");
  const row = page.locator("#rows tr", { hasText: "1234TR261126001" });
  await row.filter({ hasText: "▲ Exception" }).waitFor({ timeout: LIVE_TIMEOUT });
  await row.filter({ hasText: "stale_trip_version" }).waitFor({ timeout: LIVE_TIMEOUT });
  assert.notEqual(await page.locator("#unread").getAttribute("data-count"), "0", "an unread exception");
  assert.match(await page.locator("#unread").textContent(), /^[1-9]\d* new exceptions? since you last opened the board$/);
  assert.notEqual(await page.locator("#updated").textContent(), before, "the page says it was updated");
  assert.deepEqual(violations, [], "no CSP violation");
  await page.screenshot({ path: path.join(shots, "board.png"), fullPage: true });
  // The exception comes first.
  assert.match(await page.locator("#rows tr").first().textContent(), /1234TR261126001/);
  await page.close();
});

test("filters live in the URL: a bookmark is a saved view", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/board`);
  await page.getByLabel("Port").fill("3801");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/port=3801/);
  const bookmark = page.url();
  const again = await browser.newPage();
  await again.goto(bookmark);
  assert.equal(await again.getByLabel("Port").inputValue(), "3801");
  assert.equal(await again.locator("#rows tr").count(), 1);
  await again.getByRole("link", { name: "NRTH2026112700017" }).waitFor();
  assert.equal(await again.getByRole("link", { name: "1234TR261126001" }).count(), 0);
  await page.close();
  await again.close();
});

test("an amendment on a trip that moved meanwhile overwrites nothing and shows what changed", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/trips/${ACE}`);
  await page.getByRole("link", { name: "Amend" }).click();
  const seen = Number(await page.locator('input[name="version"]').inputValue());
  await axe(page, "amend form");
  await page.screenshot({ path: path.join(shots, "form.png"), fullPage: true });
  // Someone else amends it first (the API, as another dispatcher's tool would).
  const api = browser.request;
  const auth = (t) => ({ authorization: `Bearer ${t}` });
  const doc = await (await api.get(`${fx.url}/v1/trips/F1:${ACE}`, { headers: auth(fx.driver) })).json();
  doc.id = ACE;
  doc.version = seen + 1;
  doc.conveyance.unitNumber = "T-999";
  assert.equal((await api.post(`${fx.url}/v1/fleet/trips`, { headers: auth(fx.manager), data: doc })).status(), 200);
  const mine = JSON.parse(await page.locator("#document").inputValue());
  mine.eta.local = mine.eta.local.replace("T12:00", "T15:45");
  await page.locator("#document").fill(JSON.stringify(mine, null, 2));
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await page.getByRole("heading", { name: /changed while you were looking/ }).waitFor();
  await page.getByRole("alert").filter({ hasText: `version ${seen} then, version ${seen + 1} now` }).waitFor();
  await page.getByRole("rowheader", { name: "conveyance.unitNumber" }).waitFor();
  await axe(page, "conflict");
  // Nothing was overwritten: the other amendment stands.
  const now = await (await api.get(`${fx.url}/v1/trips/F1:${ACE}`, { headers: auth(fx.driver) })).json();
  assert.equal(now.version, seen + 1);
  assert.equal(now.conveyance.unitNumber, "T-999");
  // Saved again, knowingly, from the version now on screen.
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.getByText(`version ${seen + 2}`).first().waitFor();
  await axe(page, "trip");
  await page.screenshot({ path: path.join(shots, "trip.png"), fullPage: true });
  await weigh(page, "trip", `${fx.url}/ui/trips/${ACE}`);
  await weigh(page, "amend form", `${fx.url}/ui/trips/${ACE}/amend`);
  await page.close();
});

test("cancelling a trip, confirmed, reaches the driver's phone as a tombstone", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/trips/${ACI}`);
  await page.getByRole("link", { name: "Cancel trip" }).click();
  await page.getByRole("heading", { name: `Cancel trip ${ACI}?` }).waitFor();
  await axe(page, "confirm");
  await page.getByLabel("Reason (kept in the audit log)").fill("load refused by the shipper");
  await page.getByRole("button", { name: "Cancel the trip" }).click();
  await page.getByText("✕ Cancelled").first().waitFor();
  await page.getByText("reason: load refused by the shipper").waitFor();
  const after = phone();
  const trip = after.trips.find((t) => t.id === `F1:${ACI}`);
  assert.equal(trip.state, "cancelled", JSON.stringify(after));
  await page.close();
});

test("a BorderConnect export pushed through the form becomes a trip, and customs' answer shows", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/push`);
  await axe(page, "push form");
  const aci = JSON.parse(readFileSync(path.join(root, "tests/fixtures/borderconnect/ACI_TRIP.corridor-test-expected.json")));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  aci.estimatedArrivalDateTime = `${tomorrow} 12:00:00`;
  const notice = { data: "ACI_NOTICE", type: "NOT_MATCHED", cargoControlNumber: "PFTRCSA00001",
    cbsaDateTime: `${tomorrow} 09:10:00` };
  await page.getByLabel("Trip document or BorderConnect export (JSON)").fill(JSON.stringify([aci, notice]));
  await page.getByLabel("Give it to").selectOption("D1");
  await page.getByRole("button", { name: "Push" }).click();
  await page.getByText("ACI_TRIP aci-PFTR00007 v1: created").waitFor();
  await page.getByText("ACI_NOTICE aci-PFTR00007 v1: customs").waitFor();
  await page.goto(`${fx.url}/ui/board?flag=not_matched`);
  const row = page.locator("#rows tr", { hasText: "PFTR00007" });
  await row.filter({ hasText: "PFTRCSA00001 not matched" }).waitFor();
  await row.getByRole("link", { name: "PFTR00007" }).click();
  await page.getByRole("cell", { name: "Not matched" }).waitFor();
  // The driver's paperwork, from the trip page.
  const href = await page.getByRole("link", { name: /Print the ACI lead sheet/ }).getAttribute("href");
  const pdf = await browser.request.get(`${fx.url}${href}`);
  assert.equal(pdf.headers()["content-type"], "application/pdf");
  assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");
  await page.close();
});

test("a form posted from another origin is refused", async () => {
  const resp = await browser.request.post(`${fx.url}/ui/trips/${ACE}/cancel`, {
    headers: { origin: "https://evil.example" },
    form: { version: "9", reason: "forged" },
  });
  assert.equal(resp.status(), 403);
  assert.match(await resp.text(), /cross-origin request refused/);
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/trips/${ACE}`);
  await page.getByText("● Active").waitFor();
  await page.close();
});

test("the board and a form work from the keyboard alone", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/board`);
  const tabTo = async (predicate, what) => {
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  await tabTo(() => document.activeElement?.id === "f-port", "the port filter");
  await page.keyboard.type("3801");
  await page.keyboard.press("Enter");
  await page.waitForURL(/port=3801/);
  await tabTo(() => document.activeElement?.textContent === "NRTH2026112700017", "the trip link");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/ui/trips/${ACE}$`));
  await tabTo(() => document.activeElement?.textContent === "Assign", "Assign");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: `Assign trip ${ACE}` }).waitFor();
  await tabTo(() => document.activeElement?.id === "driver", "the driver choice");
  await page.keyboard.press("ArrowDown"); // D1 → D2
  assert.equal(await page.locator("#driver").inputValue(), "D2");
  await tabTo(() => document.activeElement?.id === "reason", "the reason");
  await page.keyboard.type("swap with D1");
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Assigned" }).waitFor();
  await page.getByText("driver D2").first().waitFor();
  await page.close();
});

test("a French-speaking manager gets the console in French and switches it to English", async () => {
  // Playwright's locale sets the browser's Accept-Language: fr-CA.
  const fr = await context(true, "fr-CA");
  try {
    const page = await fr.newPage();
    await page.goto(`${fx.url}/ui/login`);
    assert.equal(await page.locator("html").getAttribute("lang"), "fr-CA");
    await page.getByRole("heading", { name: "Connexion" }).waitFor();
    await axe(page, "sign-in (fr-CA)");
    await page.getByLabel("Jeton de gestionnaire").fill(fx.driver);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").filter({ hasText: "pas un jeton de gestionnaire de flotte valide" }).waitFor();
    await page.getByLabel("Jeton de gestionnaire").fill(fx.manager);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Tableau" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "fr-CA");
    await page.getByRole("columnheader", { name: "Numéro de voyage" }).waitFor();
    await page.getByRole("link", { name: "NRTH2026112700017" }).waitFor();
    assert.match(await page.locator("caption").textContent(), /^\d+ voyages?, incidents d'abord, puis par ETA$/);
    await page.locator("#f-flag option", { hasText: "Événement sur une ancienne version" }).waitFor({ state: "attached" });
    await axe(page, "board (fr-CA)");
    // The header's language link: English, and back to the same page.
    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { name: "Board" }).waitFor();
    assert.match(page.url(), /\/ui\/board$/);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.getByRole("columnheader", { name: "Trip number" }).waitFor();
    const lang = (await fr.cookies(fx.url)).find((c) => c.name === "crossing_lang");
    assert.ok(lang && lang.value === "en" && lang.sameSite === "Lax" && lang.secure && !lang.httpOnly,
      JSON.stringify(lang));
    await axe(page, "board (en, chosen over fr-CA)");
    // The choice holds on the next page, though the browser still asks for French.
    await page.getByRole("link", { name: "NRTH2026112700017" }).click();
    await page.getByRole("heading", { name: "Manifest" }).waitFor();
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Manifeste" }).waitFor();
    assert.match(page.url(), new RegExp(`/ui/trips/${ACE}$`));
    await axe(page, "trip (fr-CA)");
  } finally {
    await fr.close();
  }
});

test("signing out ends the session, and so does revoking the token", async () => {
  const page = await browser.newPage();
  await page.goto(`${fx.url}/ui/board`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/ui\/login$/);
  await page.goto(`${fx.url}/ui/board`);
  assert.match(page.url(), /\/ui\/login$/);
  // A new session, then the token is revoked by the operator.
  await signIn(page);
  await page.getByRole("heading", { name: "Board" }).waitFor();
  execFileSync(fleetBin, ["token", "revoke", "--db", fx.db, fx.manager]);
  await page.goto(`${fx.url}/ui/board`);
  assert.match(page.url(), /\/ui\/login$/, "the revoked token's session is gone");
  await page.close();
});

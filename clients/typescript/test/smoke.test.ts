// The frontend's everyday calls, typed end to end against the suite the system tests start
// (SCHOOLSAFE_API and TOKEN_<ROLE> in the environment, as the one-command run prints them).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { schoolSafeClient, type Schemas } from "../src/index.js";

const api = process.env["SCHOOLSAFE_API"] ?? "http://127.0.0.1:18080/api/v1";

function caller(role: string) {
  return schoolSafeClient(api, () => {
    const token = process.env[`TOKEN_${role}`];
    if (token === undefined) {
      throw new Error(`TOKEN_${role} is not set`);
    }
    return token;
  });
}

const coordinator = caller("SAFETY_COORDINATOR");
const expert = caller("SAFETY_EXPERT");
const staff = caller("SCHOOL_STAFF");
const board = caller("BOARD");
const municipality = caller("MUNICIPALITY");

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = await attempt();
    if (found !== undefined) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within 30 s`);
}

/** The expert's case that links the incident, looked for page after page. */
async function caseLinking(incidentId: string): Promise<Schemas["Escalation"] | undefined> {
  let cursor: string | undefined;
  for (;;) {
    const queue = await expert.GET("/escalations", { params: { query: { limit: 100, cursor } } });
    assert.equal(queue.response.status, 200);
    assert.ok(queue.data);
    const linked = queue.data.items.find((c) => (c.incidents ?? []).some((i) => i.incidentId === incidentId));
    if (linked !== undefined) {
      return linked;
    }
    const next: string | null = queue.data.nextCursor;
    if (next === null) {
      return undefined;
    }
    cursor = next;
  }
}

test("a coordinator registers a cross-school incident once, however often it is sent, and the expert acknowledges its case", async () => {
  const incident: Schemas["IncidentRequest"] = {
    schoolLocationId: "30BR01",
    // a second ago, so that it is the newest of the coordinator's incidents when the list is read
    occurredAt: new Date(Date.now() - 1_000).toISOString(),
    locationType: "PUBLIC_TRANSPORT",
    category: "WEAPON",
    severity: "HIGH",
    description: "A knife shown at the tram stop by a student of another school.",
    involvedPersons: [
      { role: "SUSPECT", kind: "STUDENT", studentNumber: `TS-${randomUUID().slice(0, 8)}`, schoolLocationId: "31CV01" },
    ],
  };
  const key = randomUUID();
  const first = await coordinator.POST("/incidents", { params: { header: { "Idempotency-Key": key } }, body: incident });
  assert.equal(first.response.status, 201);
  assert.ok(first.data, "the registered incident");
  const registered: Schemas["Incident"] = first.data;
  assert.equal(registered.status, "REGISTERED");
  assert.equal(registered.category, "WEAPON");
  assert.match(first.response.headers.get("Location") ?? "", new RegExp(`/incidents/${registered.id}$`));

  const retry = await coordinator.POST("/incidents", { params: { header: { "Idempotency-Key": key } }, body: incident });
  assert.equal(retry.response.status, 201);
  assert.equal(retry.response.headers.get("Idempotent-Replayed"), "true");
  assert.equal(retry.data?.id, registered.id, "the retry created nothing new");

  const page = await coordinator.GET("/incidents", { params: { query: { limit: 1 } } });
  assert.equal(page.response.status, 200);
  assert.ok(page.data);
  assert.equal(page.data.items.length, 1);
  assert.equal(page.data.items[0]?.id, registered.id, "newest first");
  const cursor = page.data.nextCursor;
  assert.ok(cursor, "more than one incident, so a next page");
  const next = await coordinator.GET("/incidents", { params: { query: { limit: 1, cursor } } });
  assert.equal(next.response.status, 200);
  assert.ok(next.data);
  assert.equal(next.data.items.length, 1);
  assert.notEqual(next.data.items[0]?.id, registered.id, "the next page goes on where the first stopped");

  const found: Schemas["Escalation"] = await eventually("a case for the incident", () => caseLinking(registered.id));
  const read = await expert.GET("/escalations/{escalationId}", { params: { path: { escalationId: found.id } } });
  assert.equal(read.response.status, 200);
  const etag = read.response.headers.get("ETag");
  assert.ok(etag, "the case's version");

  const stale = await expert.POST("/escalations/{escalationId}/acknowledge", {
    params: { path: { escalationId: found.id }, header: { "If-Match": '"999999"' } },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.status, 412, "a problem naming the stale version");

  const acknowledged = await expert.POST("/escalations/{escalationId}/acknowledge", {
    params: { path: { escalationId: found.id }, header: { "If-Match": etag } },
  });
  if (read.data?.status === "OPEN") {
    assert.equal(acknowledged.response.status, 200);
    assert.equal(acknowledged.data?.status, "ACKNOWLEDGED");
    const after = acknowledged.response.headers.get("ETag");
    assert.ok(after, "the new version");
    assert.notEqual(after, etag);
  } else {
    // the incident joined a case another flow already acknowledged: the current version, the wrong state
    assert.equal(acknowledged.response.status, 409);
    assert.equal(acknowledged.error?.status, 409);
  }
});

test("school staff register for an expert session that has a seat", async () => {
  const sessions = await staff.GET("/sessions", { params: { query: { limit: 50 } } });
  assert.equal(sessions.response.status, 200);
  assert.ok(sessions.data);
  const open = sessions.data.items.filter((s) => s.registrationOpen && s.status === "SCHEDULED");
  assert.ok(open.length > 0, "the demo data schedules sessions");
  let registration: Schemas["Registration"] | undefined;
  for (const session of open) {
    const answer = await staff.POST("/sessions/{sessionId}/registrations", {
      params: { path: { sessionId: session.id }, header: { "Idempotency-Key": randomUUID() } },
      body: { schoolLocationId: "30BR01" },
    });
    if (answer.response.status === 201) {
      registration = answer.data;
      break;
    }
    assert.equal(answer.response.status, 409, "only an earlier registration of this person refuses it");
  }
  assert.ok(registration, "registered for one of the open sessions");
  assert.ok(registration.status === "CONFIRMED" || registration.status === "WAITING");
});

test("a board applies for a subsidy and the municipality grants it, off the joint list as an exception, with the version it read", async () => {
  const now = new Date();
  const start = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const schoolYear = `${start}-${start + 1}`;
  const programmes = await municipality.GET("/subsidies/programmes", { params: { query: { schoolYear, limit: 10 } } });
  assert.equal(programmes.response.status, 200);
  const programme = programmes.data?.items.find((p) => p.method === "URGENCY_ROUND");
  assert.ok(programme, "the demo programme of the urgency round");
  const submitted = await board.POST("/subsidies/applications", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      programmeId: programme.id,
      schoolLocationId: "30BR01",
      theme: "AGGRESSION",
      category: "TEAM_TRAINING_AGGRESSION",
      amountCents: 250_000,
      plan: "Two team trainings on street culture for the lower years.",
    },
  });
  assert.equal(submitted.response.status, 201);
  assert.ok(submitted.data);
  const application: Schemas["Application"] = submitted.data;
  const read = await municipality.GET("/subsidies/applications/{applicationId}", {
    params: { path: { applicationId: application.id } },
  });
  assert.equal(read.response.status, 200);
  const etag = read.response.headers.get("ETag");
  assert.ok(etag);
  // no round is confirmed in the demo, so no location is on an agreed joint list yet
  const refused = await municipality.POST("/subsidies/applications/{applicationId}/decision", {
    params: { path: { applicationId: application.id }, header: { "If-Match": etag } },
    body: { decision: "GRANT", amountCents: 250_000 },
  });
  assert.equal(refused.response.status, 400);
  assert.deepEqual(
    refused.error?.errors?.map((e) => e.field),
    ["exceptionReason"],
  );
  const decided = await municipality.POST("/subsidies/applications/{applicationId}/decision", {
    params: { path: { applicationId: application.id }, header: { "If-Match": etag } },
    body: { decision: "GRANT", amountCents: 250_000, exceptionReason: "Urgent before the round closes." },
  });
  assert.equal(decided.response.status, 200);
  assert.equal(decided.data?.status, "GRANTED");
  assert.equal(decided.data?.grantedCents, 250_000);
  assert.equal(decided.data?.exceptionReason, "Urgent before the round closes.");
});

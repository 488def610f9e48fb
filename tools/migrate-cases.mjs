// Moves running cases of older versions of a process onto its latest version, through the
// engine's REST API with the engine's own migration plan: every activity is mapped to the activity
// with the same id in the new version (the ids the analyst guide says never change), also where the
// new version moved it into a new sub-process, and event
// triggers (the withdrawal message, timers) are updated; escalation timers a waiting task gains fall
// due with the task (docs/adr/0018). Only camunda-admin may migrate.
// See docs/adr/0015-running-cases-and-new-versions.md.
//
//   OW_ADMIN_PASSWORD=... node tools/migrate-cases.mjs [--url http://localhost:8080]
//       [--process obtainingWater] [--from <version>] [--dry-run]
//
// Exit code 0 when every case was migrated (or, with --dry-run, could be), 1 when the engine
// refused (the plan's report names the activity that has no equal in the new version), 2 on bad usage.

const options = { url: 'http://localhost:8080', process: 'obtainingWater', from: null, dryRun: false };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--url': options.url = args[++i]; break;
    case '--process': options.process = args[++i]; break;
    case '--from': options.from = Number(args[++i]); break;
    case '--dry-run': options.dryRun = true; break;
    default:
      console.error(`unknown argument ${args[i]}\nusage: node tools/migrate-cases.mjs [--url URL] [--process KEY] [--from VERSION] [--dry-run]`);
      process.exit(2);
  }
}
const user = process.env.OW_ADMIN_USER || 'admin';
const password = process.env.OW_ADMIN_PASSWORD;
if (!password) {
  console.error('Set OW_ADMIN_PASSWORD (and OW_ADMIN_USER if it is not admin): only camunda-admin may migrate cases.');
  process.exit(2);
}

class Refused extends Error {}

async function rest(method, path, body) {
  const response = await fetch(`${options.url}/engine-rest${path}`, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
      'Content-Type': 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  if (!response.ok) {
    const reason = response.status === 403 || response.status === 401
      ? `${user} may not migrate cases (only camunda-admin may): ${text}` : text;
    throw new Refused(`${method} ${path}: HTTP ${response.status}: ${reason}`);
  }
  return text ? JSON.parse(text) : null;
}

function describe(report) {
  const lines = [];
  for (const instruction of report.instructionReports || []) {
    const { sourceActivityIds, targetActivityIds } = instruction.instruction || {};
    lines.push(`  ${sourceActivityIds} -> ${targetActivityIds}: ${instruction.failures.join('; ')}`);
  }
  for (const instance of report.migratingProcessInstanceReports || report.instanceReports || []) {
    lines.push(`  case ${instance.processInstanceId}: ${(instance.failures || []).join('; ')}`);
    for (const activity of instance.activityInstanceValidationReports || []) {
      lines.push(`    ${activity.sourceScopeId}: ${activity.failures.join('; ')}`);
    }
    for (const transition of instance.transitionInstanceValidationReports || []) {
      lines.push(`    ${transition.sourceScopeId} (asynchronous step): ${transition.failures.join('; ')}`);
    }
  }
  return lines.join('\n');
}

// A user task's escalation timer (docs/adr/0018) falls due with the task. A timer the new version adds
// to a waiting task is created by the migration with a full target from now; set it to the task's due
// date, so a task that was already late escalates at once. Idempotent: timers already due with their
// task are left alone. A permit sub-process's timer counts from the migration (the permit's start
// time is not known here in working time).
async function alignEscalationTimers(target) {
  const xml = (await rest('GET', `/process-definition/${target.id}/xml`)).bpmn20Xml;
  const attachedTo = new Map();
  for (const tag of xml.match(/<(?:bpmn:)?boundaryEvent\b[^>]*>/g) || []) {
    const id = tag.match(/\bid="([^"]+)"/);
    const ref = tag.match(/\battachedToRef="([^"]+)"/);
    if (id && ref) attachedTo.set(id[1], ref[1]);
  }
  const activityOf = new Map((await rest('GET', `/job-definition?processDefinitionId=${target.id}`))
    .map((definition) => [definition.id, definition.activityId]));
  const dueOf = new Map((await rest('GET', `/task?processDefinitionId=${target.id}`))
    .filter((task) => task.due).map((task) => [`${task.processInstanceId} ${task.taskDefinitionKey}`, task.due]));
  let aligned = 0;
  for (const job of await rest('GET', `/job?processDefinitionId=${target.id}&timers=true`)) {
    const task = attachedTo.get(activityOf.get(job.jobDefinitionId));
    const due = task && dueOf.get(`${job.processInstanceId} ${task}`);
    if (due && Date.parse(due) !== Date.parse(job.dueDate)) {
      await rest('PUT', `/job/${job.id}/duedate`, { duedate: due, cascade: false });
      aligned++;
    }
  }
  return aligned;
}

// The activities a case can wait at, by id, with whether they carry an event trigger (timer, message).
const WAITING_KINDS = ['userTask', 'serviceTask', 'sendTask', 'receiveTask', 'businessRuleTask', 'subProcess',
  'boundaryEvent', 'intermediateCatchEvent', 'inclusiveGateway', 'parallelGateway'];
async function waitingActivities(definition) {
  const xml = (await rest('GET', `/process-definition/${definition.id}/xml`)).bpmn20Xml;
  const activities = new Map();
  // An error boundary event has no trigger that persists (no subscription, no job): nothing to update.
  for (const block of xml.match(/<(?:bpmn:)?boundaryEvent\b[\s\S]*?<\/(?:bpmn:)?boundaryEvent>/g) || []) {
    if (/errorEventDefinition/.test(block)) {
      activities.set(block.match(/\bid="([^"]+)"/)[1], 'errorBoundaryEvent');
    }
  }
  for (const tag of xml.match(/<(?:bpmn:)?[a-zA-Z]+\b[^>]*\bid="[^"]+"[^>]*>/g) || []) {
    const kind = tag.match(/^<(?:bpmn:)?([a-zA-Z]+)/)[1];
    const id = tag.match(/\bid="([^"]+)"/)[1];
    if (WAITING_KINDS.includes(kind) && !/triggeredByEvent="true"/.test(tag) && !activities.has(id)) {
      activities.set(id, kind);
    }
  }
  return activities;
}

// The engine's generated plan maps an activity only when its enclosing scopes map too, so an activity the new
// version moved into a new sub-process (1.4.0 put everything up to water-on into subProcess_connection, ADR 0031)
// is left out. Map it to the activity with the same id all the same; the engine creates the new scope around it
// as the case moves, with its boundary events (the withdrawal) and input mappings. Returns how many were added.
async function addMovedActivities(plan, source, target) {
  const [from, to] = await Promise.all([waitingActivities(source), waitingActivities(target)]);
  const mapped = new Set(plan.instructions.flatMap((instruction) => instruction.sourceActivityIds));
  let added = 0;
  for (const instruction of plan.instructions) {
    if (to.get(instruction.targetActivityIds[0]) === 'errorBoundaryEvent') {
      instruction.updateEventTrigger = false; // the generator asks to update every boundary event's trigger
    }
  }
  for (const [id, kind] of from) {
    if (!mapped.has(id) && to.get(id) === kind) {
      plan.instructions.push({
        sourceActivityIds: [id],
        targetActivityIds: [id],
        updateEventTrigger: kind === 'boundaryEvent' || kind === 'intermediateCatchEvent'
      });
      added++;
    }
  }
  return added;
}

try {
  const definitions = await rest('GET', `/process-definition?key=${encodeURIComponent(options.process)}&sortBy=version&sortOrder=desc`);
  if (definitions.length === 0) {
    throw new Refused(`no process ${options.process} is deployed`);
  }
  const target = definitions[0];
  const sources = definitions.slice(1).filter((definition) => options.from === null || definition.version === options.from);
  let migrated = 0;
  for (const source of sources) {
    const { count } = await rest('GET', `/process-instance/count?processDefinitionId=${source.id}`);
    if (count === 0) {
      continue;
    }
    const plan = await rest('POST', '/migration/generate', {
      sourceProcessDefinitionId: source.id,
      targetProcessDefinitionId: target.id,
      updateEventTriggers: true
    });
    const moved = await addMovedActivities(plan, source, target);
    const validation = await rest('POST', '/migration/validate', plan);
    if ((validation.instructionReports || []).length > 0) {
      throw new Refused(`the plan from version ${source.version} to ${target.version} is not valid:\n${describe(validation)}`);
    }
    const label = `${options.process} version ${source.version} (${source.versionTag || 'no tag'}) -> `
      + `${target.version} (${target.versionTag || 'no tag'})`;
    if (options.dryRun) {
      console.log(`${label}: ${count} case(s) would be migrated with ${plan.instructions.length} mapped activities`
        + (moved > 0 ? ` (${moved} of them moved into another scope)` : ''));
      continue;
    }
    try {
      await rest('POST', '/migration/execute', {
        migrationPlan: plan,
        processInstanceQuery: { processDefinitionId: source.id },
        skipCustomListeners: false,
        skipIoMappings: false
      });
    } catch (error) {
      // The engine answers 400 with a report per case when a waiting activity has no equal.
      const report = error.message.match(/HTTP 400: (.*)$/s);
      if (report) {
        try {
          throw new Refused(`${label}: not migrated, nothing changed:\n${describe(JSON.parse(report[1]).validationReport || JSON.parse(report[1]))}\n${report[1]}`);
        } catch (parse) {
          if (parse instanceof Refused) throw parse;
        }
      }
      throw error;
    }
    migrated += count;
    console.log(`${label}: ${count} case(s) migrated`);
  }
  if (!options.dryRun && migrated > 0) {
    console.log(`${await alignEscalationTimers(target)} escalation timer(s) set to their task's due date`);
  }
  console.log(`${options.dryRun ? 'dry run: nothing changed' : `${migrated} case(s) now on version ${target.version}`} of ${options.process}`);
} catch (error) {
  console.error(error instanceof Refused ? error.message : error.stack);
  process.exit(1);
}

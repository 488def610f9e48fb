// Moves running cases of older versions of a process onto its latest version, through the
// engine's REST API with the engine's own migration plan: every activity is mapped to the activity
// with the same id in the new version (the ids the analyst guide says never change), and event
// triggers (the withdrawal message, timers) are updated. Only camunda-admin may migrate.
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
    const validation = await rest('POST', '/migration/validate', plan);
    if ((validation.instructionReports || []).length > 0) {
      throw new Refused(`the plan from version ${source.version} to ${target.version} is not valid:\n${describe(validation)}`);
    }
    const label = `${options.process} version ${source.version} (${source.versionTag || 'no tag'}) -> `
      + `${target.version} (${target.versionTag || 'no tag'})`;
    if (options.dryRun) {
      console.log(`${label}: ${count} case(s) would be migrated with ${plan.instructions.length} mapped activities`);
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
  console.log(`${options.dryRun ? 'dry run: nothing changed' : `${migrated} case(s) now on version ${target.version}`} of ${options.process}`);
} catch (error) {
  console.error(error instanceof Refused ? error.message : error.stack);
  process.exit(1);
}

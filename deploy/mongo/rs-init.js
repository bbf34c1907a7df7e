// mongosh script of docker-compose.cluster.yml's one-shot `mongo-init`:
// initiates the three-member replica set rs0 on its first start and waits
// until it has a primary. Run again, it changes nothing (ADR 20).
//
//   mongosh --quiet 'mongodb://mongo1:27017/?directConnection=true' /deploy/rs-init.js
const REPLICA_SET = 'rs0';
const MEMBERS = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'];
const PRIMARY_DEADLINE_MS = 120_000;

function initiated() {
  try {
    rs.status();
    return true;
  } catch (error) {
    // 94 NotYetInitialized: this member has no replica set configuration yet.
    if (error.code === 94 || error.codeName === 'NotYetInitialized') return false;
    throw error;
  }
}

if (initiated()) {
  print(`${REPLICA_SET}: already initiated`);
} else {
  try {
    rs.initiate({
      _id: REPLICA_SET,
      members: MEMBERS.map((host, i) => ({ _id: i, host })),
    });
    print(`${REPLICA_SET}: initiated with ${MEMBERS.join(', ')}`);
  } catch (error) {
    // 23 AlreadyInitialized: initiated between our check and our call.
    if (error.code !== 23 && error.codeName !== 'AlreadyInitialized') throw error;
    print(`${REPLICA_SET}: already initiated`);
  }
}

// The coordinator starts after this script: wait for an elected primary,
// polling with a deadline.
const deadline = Date.now() + PRIMARY_DEADLINE_MS;
for (;;) {
  const primary = rs.status().members.find((m) => m.stateStr === 'PRIMARY');
  if (primary) {
    print(`${REPLICA_SET}: primary is ${primary.name}`);
    break;
  }
  if (Date.now() > deadline) {
    print(`${REPLICA_SET}: no primary after ${PRIMARY_DEADLINE_MS} ms`);
    quit(1);
  }
  sleep(500);
}

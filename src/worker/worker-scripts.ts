import { luaScript } from './run-script.js';

// Every script that writes a result first checks that the message is still pending in the
// group, and acknowledges it in the same script. Redis runs a script as one step, so a result
// and its acknowledgement are stored together, and running a script again for a message that
// another call already finished writes nothing. That is what makes a result idempotent by
// message ID: a worker that retries after a lost reply, or a second worker that finished the
// same claimed message, adds no second result.

const helpers = `
local function pending_owner(stream, group, id)
  local entry = redis.call('XPENDING', stream, group, id, id, 1)[1]
  if entry then return entry[2] end
  return false
end

local function add_result(results, max_length, fields)
  if max_length == '0' then
    redis.call('XADD', results, '*', unpack(fields))
  else
    redis.call('XADD', results, 'MAXLEN', '~', max_length, '*', unpack(fields))
  end
end
`;

/**
 * Writes results and acknowledges their messages.
 * KEYS: stream, results, failures. ARGV: group, consumer, results max length (0 for none),
 * then id, status, record for each message. Returns the ids of the messages that were no
 * longer pending, whose results were therefore not written.
 */
export const finishScript = luaScript(
  'finish',
  `${helpers}
local skipped = {}
for i = 4, #ARGV, 3 do
  local id = ARGV[i]
  if pending_owner(KEYS[1], ARGV[1], id) then
    add_result(KEYS[2], ARGV[3], {'id', id, 'status', ARGV[i + 1], 'consumer', ARGV[2], 'record', ARGV[i + 2]})
    redis.call('XACK', KEYS[1], ARGV[1], id)
  else
    skipped[#skipped + 1] = id
  end
  redis.call('HDEL', KEYS[3], id)
end
return skipped
`,
);

/**
 * Moves a message to the dead-letter stream, writes its failed result and acknowledges it.
 * The dead-letter entry has id, deliveries, error, consumer and group, then the message's own
 * fields except those five names. KEYS: stream, results, dead letter, failures. ARGV: group,
 * consumer, id, deliveries, error, failed record, results max length. Returns 1, or 0 when
 * the message was no longer pending.
 */
export const deadLetterScript = luaScript(
  'dead-letter',
  `${helpers}
local id = ARGV[3]
if not pending_owner(KEYS[1], ARGV[1], id) then return 0 end
local reserved = {id = true, deliveries = true, error = true, consumer = true, group = true}
local fields = {'id', id, 'deliveries', ARGV[4], 'error', ARGV[5], 'consumer', ARGV[2], 'group', ARGV[1]}
local entry = redis.call('XRANGE', KEYS[1], id, id)[1]
if entry then
  local values = entry[2]
  for i = 1, #values, 2 do
    if not reserved[values[i]] then
      fields[#fields + 1] = values[i]
      fields[#fields + 1] = values[i + 1]
    end
  end
end
redis.call('XADD', KEYS[3], '*', unpack(fields))
add_result(KEYS[2], ARGV[7], {'id', id, 'status', 'failed', 'consumer', ARGV[2], 'record', ARGV[6]})
redis.call('XACK', KEYS[1], ARGV[1], id)
redis.call('HDEL', KEYS[4], id)
return 1
`,
);

/**
 * Resets the idle time of messages this consumer still owns, so that no other worker claims
 * them while they are worked on. KEYS: stream. ARGV: group, consumer, then ids. Returns the
 * ids that are no longer this consumer's: finished, or claimed by another worker.
 */
export const keepAliveScript = luaScript(
  'keep-alive',
  `${helpers}
local lost = {}
for i = 3, #ARGV do
  if pending_owner(KEYS[1], ARGV[1], ARGV[i]) == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
  else
    lost[#lost + 1] = ARGV[i]
  end
end
return lost
`,
);

/**
 * Makes unfinished messages that this consumer owns claimable at once by any worker, and
 * restores their delivery count, so that a stopped worker does not use up an attempt.
 * KEYS: stream. ARGV: group, consumer, idle milliseconds, then id and delivery count for each.
 * Returns the number of messages released.
 */
export const releaseScript = luaScript(
  'release',
  `${helpers}
local released = 0
for i = 4, #ARGV, 2 do
  if pending_owner(KEYS[1], ARGV[1], ARGV[i]) == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'IDLE', ARGV[3], 'RETRYCOUNT', ARGV[i + 1], 'JUSTID')
    released = released + 1
  end
end
return released
`,
);

/**
 * Deletes a consumer from the group when it owns no pending message; deleting one that owns
 * some would drop them from the group. KEYS: stream. ARGV: group, consumer. Returns 1 when
 * deleted, 0 otherwise.
 */
export const leaveGroupScript = luaScript(
  'leave-group',
  `
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) > 0 then return 0 end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1
`,
);

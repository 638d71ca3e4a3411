package io.deepmail.core.internal.latch;

/**
 * The Lua script that joins a proposal into a Redis hash atomically, by {@link LatchCodec}'s
 * field-wise rule, so the monotone merge runs on the server and two nodes can never overwrite
 * each other's raises. A higher generation (an explicit reset) replaces the hash; a lower one is
 * discarded. In compare-and-set mode it writes only when {@code rev} still has the expected value.
 *
 * <pre>
 * KEYS[1]  the account's hash
 * ARGV[1]  "merge" or "cas";  ARGV[2] expected revision;  ARGV[3] the proposal's generation
 * ARGV[4…] field, value, field, value, …
 * returns  {written (1/0), HGETALL of the hash}
 * </pre>
 */
final class MergeScript {

    static final String LUA = """
            local key = KEYS[1]
            local gen = tonumber(redis.call('HGET', key, 'gen') or '0')
            local rev = tonumber(redis.call('HGET', key, 'rev') or '0')
            local inGen = tonumber(ARGV[3])
            if ARGV[1] == 'cas' and tonumber(ARGV[2]) ~= rev then
              return {0, redis.call('HGETALL', key)}
            end
            if inGen < gen then
              return {1, redis.call('HGETALL', key)}
            end
            local function parse(v)
              local a, b, c = string.match(v, '^(%d+),(%d+),(%d+)$')
              if not a then error('malformed latch field value ' .. v) end
              return tonumber(a), tonumber(b), tonumber(c)
            end
            local function join(old, new)
              local a1, b1, c1 = parse(old)
              local a2, b2, c2 = parse(new)
              local c = math.min(c1, c2)
              if c1 == 0 then c = c2 elseif c2 == 0 then c = c1 end
              return string.format('%d,%d,%d', math.max(a1, a2), math.max(b1, b2), c)
            end
            local changed = false
            if inGen > gen then
              redis.call('DEL', key)
              changed = true
            end
            for i = 4, #ARGV, 2 do
              local field = ARGV[i]
              local old = redis.call('HGET', key, field)
              local merged = ARGV[i + 1]
              if old then merged = join(old, merged) else parse(merged) end
              if merged ~= old then
                redis.call('HSET', key, field, merged)
                changed = true
              end
            end
            if changed then
              redis.call('HSET', key, 'gen', tostring(inGen), 'rev', tostring(rev + 1))
            end
            return {1, redis.call('HGETALL', key)}
            """;

    private MergeScript() {
    }
}

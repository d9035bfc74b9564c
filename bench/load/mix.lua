-- wrk script for bench/run-load.sh: Riskdesk's API through HAProxy, one connection per wrk thread
-- (run with -t N -c N), so each thread's state below is one client's.
--   LOAD_MODE=health    GET /actuator/health, the baseline
--   LOAD_MODE=register  the register's first page of 50, the issue's figure
--   LOAD_MODE=mix       per ten requests: one read of a risk (its ETag), one write, alternately a PATCH of
--                       the description with If-Match and a new milestone, then eight register pages
-- Every write carries a unique text "load <run> <thread>-<n>"; done() writes the acknowledged ones (2xx) and
-- the ones without an answer (the connection died) to LOAD_OUT.acked / LOAD_OUT.unanswered, so the
-- driver can check each acknowledged write is in the database exactly once.
local mode = os.getenv("LOAD_MODE") or "mix"
local run = os.getenv("LOAD_RUN") or "run"
local auth = "Bearer " .. os.getenv("LOAD_TOKEN")
local threads = {}

-- Register pages as people page through them in the mix: the default order and a few filters and sorts.
local pages = {
	"/api/risks?size=50",
	"/api/risks?size=50&status=OPEN&status=TRIAGED&status=ACTIVE",
	"/api/risks?size=50&severity=S0&severity=S1&sort=detectedAt,desc",
	"/api/risks?size=50&sort=arrAtRisk,desc",
	"/api/risks?size=50&status=CLOSED&page=20",
	"/api/risks?size=50&category=SUPPORT&sort=severity",
	"/api/risks?size=50&slaStatus=BREACHED",
	"/api/risks?size=50&q=renewal",
}

function setup(thread)
	thread:set("number", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	keys = {}
	local count = tonumber(os.getenv("LOAD_THREADS"))
	local index = 0
	for line in io.lines(os.getenv("LOAD_KEYS")) do
		-- Each client writes its own risks: a 412 would be two clients of this run, not a lost write.
		if index % count == number - 1 then
			table.insert(keys, line)
		end
		index = index + 1
	end
	step, writes, etag, kind, pending = 0, 0, nil, nil, nil
	acked, unanswered, refused = {}, {}, {}
	errors = 0
end

local function key()
	return keys[(writes % #keys) + 1]
end

local function json(text)
	return text:gsub('\\', '\\\\'):gsub('"', '\\"')
end

function request()
	if pending then
		-- The last write got no response: its connection failed (a node killed under it).
		table.insert(unanswered, pending)
		pending = nil
	end
	local slot = step % 10
	step = step + 1
	if mode == "health" then
		return wrk.format("GET", "/actuator/health")
	end
	local headers = { ["Authorization"] = auth, ["Accept"] = "application/json" }
	if mode == "register" then
		kind = "page"
		return wrk.format("GET", pages[1], headers)
	end
	if slot > 1 or #keys == 0 then
		kind = "page"
		return wrk.format("GET", pages[(step % #pages) + 1], headers)
	end
	if slot == 0 then
		kind = "risk"
		return wrk.format("GET", "/api/risks/" .. key(), headers)
	end
	local target = key() -- the risk whose ETag slot 0 just read
	writes = writes + 1
	local text = string.format("load %s %d-%d", run, number, writes)
	headers["Content-Type"] = "application/json"
	if writes % 2 == 1 and etag then
		kind, pending = "patch", "patch\t" .. target .. "\t" .. text
		headers["If-Match"] = etag
		return wrk.format("PATCH", "/api/risks/" .. target, headers, '{"description": "' .. json(text) .. '"}')
	end
	kind, pending = "milestone", "milestone\t" .. target .. "\t" .. text
	return wrk.format("POST", "/api/risks/" .. target .. "/milestones", headers,
		'{"title": "' .. json(text) .. '", "owner": "Load Test"}')
end

function response(status, headers, body)
	if kind == "risk" then
		etag = status == 200 and (headers["ETag"] or headers["Etag"] or headers["etag"]) or nil
	elseif kind == "patch" or kind == "milestone" then
		if status >= 200 and status < 300 then
			table.insert(acked, pending)
		else
			-- The problem's detail says why (412: someone else's change; 409: a concurrent write).
			local detail = (body or ""):match('"detail":"([^"]*)"') or ""
			table.insert(refused, pending .. "\t" .. status .. "\t" .. detail)
		end
		pending = nil
	end
	if status >= 400 then
		errors = errors + 1
	end
end

local function write(path, lines)
	local file = assert(io.open(path, "w"))
	for _, line in ipairs(lines) do
		file:write(line, "\n")
	end
	file:close()
end

function done(summary, latency, requests)
	local all = { acked = {}, unanswered = {}, refused = {} }
	local errorAnswers = 0
	for _, thread in ipairs(threads) do
		for name, list in pairs(all) do
			for _, line in ipairs(thread:get(name) or {}) do
				table.insert(list, line)
			end
		end
		-- A client whose last write was in flight when the run ended is not unanswered.
		errorAnswers = errorAnswers + (thread:get("errors") or 0)
	end
	local out = os.getenv("LOAD_OUT")
	for name, list in pairs(all) do
		write(out .. "." .. name, list)
	end
	local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	-- One line for the driver: requests/s, p50 and p99 in ms, answers >= 400, socket errors, writes acknowledged.
	io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000, errorAnswers, socket, #all.acked, #all.refused))
end

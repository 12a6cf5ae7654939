-- wrk script: an A2A 0.3 message/send JSON-RPC request with a fresh contextId per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
-- LOAD_TRACEPARENT=1: every request carries a caller's traceparent (a trace id of its own), as an
-- instrumented caller's does; without it, none (a first hop)
local traced = os.getenv("LOAD_TRACEPARENT") == "1"
local headers = { ["Content-Type"] = "application/json" }
request = function()
  counter = counter + 1
  local body = '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"message/send","params":{"message":{"kind":"message","messageId":"m-' .. counter .. '","role":"user","contextId":"ctx-' .. counter .. '","parts":[{"kind":"text","text":"What is the weather in Paris today? Answer briefly."}]}}}'
  if traced then
    headers["traceparent"] = string.format("00-4bf92f3577b34da6%016x-00f067aa0ba902b7-01", counter)
    return wrk.format(nil, nil, headers, body)
  end
  return wrk.format(nil, nil, nil, body)
end

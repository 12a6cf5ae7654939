-- wrk script: an A2A 0.3 message/send JSON-RPC request with a fresh contextId per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"message/send","params":{"message":{"kind":"message","messageId":"m-' .. counter .. '","role":"user","contextId":"ctx-' .. counter .. '","parts":[{"kind":"text","text":"What is the weather in Paris today? Answer briefly."}]}}}'
  return wrk.format(nil, nil, nil, body)
end

-- wrk script: an A2A 0.3 tasks/get JSON-RPC request (a poll), answered with a task of about 2 KiB.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"tasks/get","params":{"id":"t-' .. counter .. '","historyLength":10}}'
  return wrk.format(nil, nil, nil, body)
end

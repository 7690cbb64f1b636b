-- wrk script for bench/web.py: each request to the API comes as from another visitor behind one
-- trusted proxy, so the limit on requests per client is checked without refusing any.
math.randomseed(os.time())

request = function()
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = address })
end

-- Shared by the session scripts: runs `run`, writes `result` (with `error` when `run` failed) as
-- JSON to `path`, and quits Neovim.
return function(run, result, path)
  local ok, err = pcall(run)
  if not ok then result.error = tostring(err) end
  local file = io.open(path, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

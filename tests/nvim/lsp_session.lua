-- Drives Neovim's built-in LSP client against `samshift lsp`, headless: open a template, wait for
-- diagnostics, hover, apply a code action, and write what the editor saw as JSON.
-- Environment: SAMSHIFT_BINARY, SAMSHIFT_TEMPLATE (a copy the test may change), SAMSHIFT_RESULT.

local binary = os.getenv('SAMSHIFT_BINARY')
local template = os.getenv('SAMSHIFT_TEMPLATE')
local result_path = os.getenv('SAMSHIFT_RESULT')
local result = { steps = {} }

local function step(name) table.insert(result.steps, name) end

local function diagnostics_now(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, code = code, message = d.message,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return out
end

local function has_code(bufnr, code)
  for _, d in ipairs(diagnostics_now(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(template))
  vim.bo.filetype = 'yaml'
  local bufnr = vim.api.nvim_get_current_buf()
  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'samshift',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(template, ':h'),
    on_exit = function(code, _) exit_code = code end,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  -- Diagnostics for the text as opened.
  assert(vim.wait(15000, function() return has_code(bufnr, 'T005') end, 20), 'no T005 diagnostic arrived')
  result.diagnostics = diagnostics_now(bufnr)
  step('diagnostics')

  -- Hover on the unresolved reference: the rule's documentation.
  local target = result.diagnostics[#result.diagnostics]
  for _, d in ipairs(result.diagnostics) do
    if d.code == 'T005' then target = d end
  end
  local position = vim.lsp.util.make_position_params()
  position.position = { line = target.lnum, character = 0 }
  local line_text = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  position.position.character = vim.str_utfindex(line_text, target.col + 1)
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', position, 10000)
  for _, response in pairs(hovers or {}) do
    if response.result then result.hover = response.result.contents.value end
  end
  step('hover')

  -- Code actions at the finding; apply the one that silences it.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = position.position, ['end'] = position.position },
    context = { diagnostics = {} },
  }
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  result.actions = {}
  local chosen = nil
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.title:find('ignore', 1, true) or action.title:find('Ignore', 1, true) then chosen = action end
    end
  end
  assert(chosen, 'no ignore action offered')
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  result.lines_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  step('applied')

  -- The client sends the edit as didChange; the finding goes away from the unsaved buffer.
  assert(vim.wait(15000, function() return not has_code(bufnr, 'T005') end, 20), 'T005 stayed after the fix')
  result.diagnostics_after = diagnostics_now(bufnr)
  step('relinted')

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exit_code ~= nil end, 20)
  result.exit_code = exit_code
  step('stopped')
end

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h')
dofile(here .. '/record.lua')(run, result, result_path)

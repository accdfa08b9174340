-- Drives Neovim's built-in LSP client against `samshift lsp`, headless, on the navigation
-- features: hover on a reference, go to definition (the cursor moves), references, the document
-- outline, code lenses, `!GetAtt` completion and a rename applied to the buffer. Writes what the
-- editor saw as JSON.
-- Environment: SAMSHIFT_BINARY, SAMSHIFT_TEMPLATE (tests/lsp/navigation.yaml, copied),
-- SAMSHIFT_LENSES (tests/lsp/lenses.yaml, copied), SAMSHIFT_RESULT.

local binary = os.getenv('SAMSHIFT_BINARY')
local template = os.getenv('SAMSHIFT_TEMPLATE')
local lenses_template = os.getenv('SAMSHIFT_LENSES')
local result_path = os.getenv('SAMSHIFT_RESULT')
local result = { steps = {} }

local function step(name) table.insert(result.steps, name) end

-- The 0-based line holding `text`, and the UTF-16 column `offset` characters into it.
local function find(bufnr, text, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then return i - 1, col - 1 + (offset or 0) end
  end
  error('not in the buffer: ' .. text)
end

local function params_at(bufnr, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  for _, response in pairs(responses or {}) do
    local failure = response.err or response.error
    if failure then error(method .. ": " .. vim.inspect(failure)) end
    return response.result
  end
  error(method .. ': no answer')
end

local function start(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  vim.bo.filetype = 'yaml'
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'samshift',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(path, ':h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(15000, function() return vim.lsp.buf_is_attached(bufnr, client_id) and
    vim.lsp.get_client_by_id(client_id).initialized end, 20), 'not attached')
  return bufnr, client_id
end

local function run()
  local bufnr, client_id = start(template)
  step('attached')

  -- Hover on `!Ref Table`: its type and where it is defined.
  local line, col = find(bufnr, '!Ref Table', 6)
  result.hover = request(bufnr, 'textDocument/hover', params_at(bufnr, line, col)).contents.value
  step('hover')

  -- Go to definition as a user does: the cursor jumps to the `Table:` key.
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  vim.lsp.buf.definition()
  assert(vim.wait(10000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= line + 1 end, 20),
    'the cursor did not move')
  result.definition = vim.api.nvim_win_get_cursor(0)
  step('definition')

  -- References, with the declaration.
  local refs_params = params_at(bufnr, line, col)
  refs_params.context = { includeDeclaration = true }
  result.references = {}
  for _, location in ipairs(request(bufnr, 'textDocument/references', refs_params)) do
    table.insert(result.references, location.range.start.line + 1)
  end
  step('references')

  -- The outline: sections and what each defines.
  result.symbols = {}
  for _, section in ipairs(request(bufnr, 'textDocument/documentSymbol',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) } })) do
    local names = {}
    for _, child in ipairs(section.children or {}) do table.insert(names, child.name) end
    table.insert(result.symbols, section.name .. ': ' .. table.concat(names, ' '))
  end
  step('symbols')

  -- `!GetAtt Table.` typed at the end of the buffer: its attributes.
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '  Extra:', '    Value: !GetAtt Table.' })
  local typed = '    Value: !GetAtt Table.'
  local items = request(bufnr, 'textDocument/completion', params_at(bufnr, last + 1, #typed))
  result.completion = {}
  for _, item in ipairs(items.items or items) do table.insert(result.completion, item.label) end
  vim.api.nvim_buf_set_lines(bufnr, last, last + 2, false, {})
  step('completion')

  -- Rename from a `${Table}` inside a Sub: the client asks prepareRename, then applies the edit.
  line, col = find(bufnr, '${Table}', 3)
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  vim.lsp.buf.rename('Store')
  assert(vim.wait(10000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n'):find('Store:', 1, true) ~= nil
  end, 20), 'the rename was not applied')
  result.renamed = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  -- A name that is taken: the server refuses, the buffer stays as it is.
  local refused = vim.lsp.buf_request_sync(bufnr, 'textDocument/rename',
    vim.tbl_extend('force', params_at(bufnr, line, col), { newName = 'Orders' }), 10000)
  for _, response in pairs(refused or {}) do
    local failure = response.err or response.error
    result.refused = failure and failure.message
  end
  step('renamed')
  vim.lsp.stop_client(client_id)

  -- Code lenses, as the client shows them.
  local lens_buf, lens_client = start(lenses_template)
  vim.lsp.codelens.refresh()
  assert(vim.wait(10000, function() return #vim.lsp.codelens.get(lens_buf) > 0 end, 20), 'no code lens')
  result.lenses = {}
  for _, lens in ipairs(vim.lsp.codelens.get(lens_buf)) do
    table.insert(result.lenses, (lens.range.start.line + 1) .. ' ' .. lens.command.title)
  end
  table.sort(result.lenses)
  step('lenses')
  vim.lsp.stop_client(lens_client)
end

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h')
dofile(here .. '/record.lua')(run, result, result_path)

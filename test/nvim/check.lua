-- The Grounded language server in Neovim (0.7.2, Debian's), headless: `nvim --headless -u NONE -n -S check.lua`.
-- test/nvim/run.ts starts it with these environment variables:
--   GROUNDED_SERVER  path of bin/grounded-language-server.js
--   GROUNDED_DIR     a temp folder holding copies of the fixture drafts (mixed.md, contradicted.md, uncited.md)
-- Prints one TAP-style line per check ("ok N - …" / "not ok N - …") and quits with :qa! when all passed, :cq otherwise.
-- Every wait is vim.wait on a condition, with a timeout.

local server = assert(os.getenv('GROUNDED_SERVER'), 'GROUNDED_SERVER is not set')
local dir = assert(os.getenv('GROUNDED_DIR'), 'GROUNDED_DIR is not set')
local WAIT_MS = 30000

local count, failures = 0, 0

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function check(name, ok, detail)
  count = count + 1
  if ok then
    out(string.format('ok %d - %s', count, name))
  else
    failures = failures + 1
    out(string.format('not ok %d - %s%s', count, name, detail and ('\n#   ' .. tostring(detail):gsub('\n', '\n#   ')) or ''))
  end
  return ok
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'grounded' then table.insert(list, tostring(d.code)) end
  end
  table.sort(list)
  return table.concat(list, ',')
end

local function find(bufnr, needle)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    -- The fixture lines are ASCII up to the needles, so the byte column is the UTF-16 character too.
    if col then return { line = row - 1, character = col - 1 } end
  end
  error('"' .. needle .. '" is not in buffer ' .. bufnr)
end

local function wait_for_codes(bufnr, wanted, what)
  local ok = vim.wait(WAIT_MS, function() return codes(bufnr) == wanted end, 50)
  return check(what, ok, 'diagnostic codes are [' .. codes(bufnr) .. '], wanted [' .. wanted .. ']')
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  return bufnr
end

local function text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'grounded',
    cmd = { 'node', server, '--stdio' },
    root_dir = dir,
    flags = { debounce_text_changes = 50 },
  })
  if not check('vim.lsp.start_client starts grounded-language-server --stdio', client_id ~= nil) then return end

  -- 1. Diagnostics arrive, one per finding, with the right codes, ranges and severities.
  local mixed = open('mixed.md')
  vim.lsp.buf_attach_client(mixed, client_id)
  if not wait_for_codes(mixed, 'citation-mismatch,contradicted,uncited,unsupported', 'mixed.md gets one diagnostic of each code') then return end
  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client.server_capabilities or {}
  check('the server offers hover, code actions and its commands', caps.hoverProvider == true and caps.codeActionProvider ~= nil
    and caps.executeCommandProvider ~= nil and vim.tbl_contains(caps.executeCommandProvider.commands, 'grounded.server.citeSource'),
    vim.inspect(caps))
  local by_code = {}
  for _, d in ipairs(vim.diagnostic.get(mixed)) do by_code[tostring(d.code)] = d end
  local contradicted = by_code['contradicted']
  local claim = find(mixed, 'Representatives from more than 70')
  check('the contradicted diagnostic covers the claim sentence', contradicted.lnum == claim.line and contradicted.col == 0,
    string.format('lnum %d col %d', contradicted.lnum, contradicted.col))
  check('contradicted is an error, unsupported a warning, uncited a hint',
    contradicted.severity == vim.diagnostic.severity.ERROR
      and by_code['unsupported'].severity == vim.diagnostic.severity.WARN
      and by_code['uncited'].severity == vim.diagnostic.severity.HINT)
  check('the message names the conflicting detail', contradicted.message:find('"more than 50", the draft says "more than 70"', 1, true) ~= nil,
    contradicted.message)

  -- 2. Hover shows the verdict and the evidence.
  local hover = vim.lsp.buf_request_sync(mixed, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(mixed) },
    position = { line = claim.line, character = claim.character + 25 },
  }, WAIT_MS)
  local value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or ''
  check('hover over the contradicted claim shows the verdict', value:find('**Contradicted**', 1, true) ~= nil, value)
  check('hover quotes the evidence passage and its source', value:find('more than 50', 1, true) ~= nil and value:find('Open at line 13', 1, true) ~= nil, value)

  -- 3. A code action applies, and the buffer text changes; the edit is checked again.
  local draft = open('contradicted.md')
  vim.lsp.buf_attach_client(draft, client_id)
  if not wait_for_codes(draft, 'contradicted', 'contradicted.md gets its contradicted diagnostic') then return end
  local at = find(draft, 'more than 70')
  local responses = vim.lsp.buf_request_sync(draft, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(draft) },
    range = { start = at, ['end'] = at },
    context = { diagnostics = {} },
  }, WAIT_MS)
  local actions = responses and responses[client_id] and responses[client_id].result or {}
  local titles, fix = {}, nil
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    if action.title == 'Use the source\'s "50"' then fix = action end
  end
  if not check('the code actions offer Use the source\'s "50" and Ignore this claim', fix ~= nil and vim.tbl_contains(titles, 'Ignore this claim'),
    table.concat(titles, ' | ')) then return end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  check('applying it rewrites the number in the buffer',
    vim.api.nvim_buf_get_lines(draft, 2, 3, false)[1] == 'Representatives from more than 50 nations attended a conference in Peru.', text(draft))
  wait_for_codes(draft, 'uncited', 'the edit is checked again: contradicted gives way to uncited')

  vim.api.nvim_buf_set_text(draft, 2, at.character + 10, 2, at.character + 12, { '90' })
  if wait_for_codes(draft, 'contradicted', 'typing another wrong number brings the finding back') then
    local message = vim.diagnostic.get(draft)[1].message
    check('the new message quotes the new number', message:find('the draft says "more than 90"', 1, true) ~= nil, message)
  end

  -- 4. Settings, the way the README's snippet passes them (config.settings, answered to workspace/configuration).
  client.config.settings = { grounded = { severity = { contradicted = 'warning' } } }
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  local warned = vim.wait(WAIT_MS, function()
    local d = vim.diagnostic.get(draft)[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.WARN
  end, 50)
  check('settings.grounded.severity.contradicted = "warning" takes effect', warned, vim.inspect(vim.diagnostic.get(draft)))
  client.config.settings = {}
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  check('and back to the default error', vim.wait(WAIT_MS, function()
    local d = vim.diagnostic.get(draft)[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.ERROR
  end, 50))

  -- 5. A server command: cite a source, applied by the server through workspace/applyEdit.
  local uncited = open('uncited.md')
  vim.lsp.buf_attach_client(uncited, client_id)
  if not wait_for_codes(uncited, 'uncited', 'uncited.md gets its uncited hint') then return end
  local cited = vim.lsp.buf_request_sync(uncited, 'workspace/executeCommand', {
    command = 'grounded.server.citeSource',
    arguments = { {
      uri = vim.uri_from_bufnr(uncited),
      version = vim.lsp.util.buf_versions[uncited],
      position = find(uncited, 'ministry'),
      sourceId = 'ap-norway-barbados-talks',
    } },
  }, WAIT_MS)
  check('grounded.server.citeSource answers true', cited and cited[client_id] and cited[client_id].result == true, vim.inspect(cited))
  check('and the footnote is in the buffer', text(uncited):find('solutions.[^ap-norway-barbados-talks]', 1, true) ~= nil
    and text(uncited):find('\n[^ap-norway-barbados-talks]: “Norway says', 1, true) ~= nil, text(uncited))
  wait_for_codes(uncited, '', 'a cited, supported claim has no diagnostic')

  vim.lsp.stop_client(client_id)
end

local ok, err = xpcall(run, debug.traceback)
check('check.lua ran to the end', ok, err)
out(string.format('nvim: %d passed, %d failed', count - failures, failures))
if failures == 0 then vim.cmd('qa!') else vim.cmd('cq!') end

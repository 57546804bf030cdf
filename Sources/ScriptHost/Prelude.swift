import SimCore

/// Lua-side conveniences of the `cap` module: constructors that only build
/// tables; everything they build is validated by the native schema.
enum Prelude {
  static let source = """
    local cap = cap
    cap.shock = {}
    for _, name in ipairs({ \(ShockSchema.names.map { "\"\($0)\"" }.joined(separator: ", ")) }) do
      cap.shock[name] = function(t)
        if type(t) ~= "table" then
          error("cap.shock." .. name .. " expects a table of fields, got " .. type(t), 2)
        end
        local s = { type = name }
        for k, v in pairs(t) do s[k] = v end
        return s
      end
    end
    --- A list from `from` to `to` (inclusive) in steps of `step` (default 1).
    function cap.range(from, to, step)
      step = step or 1
      if type(from) ~= "number" or type(to) ~= "number" or type(step) ~= "number" or step == 0 then
        error("cap.range(from, to [, step]) expects numbers and a non-zero step", 2)
      end
      local out, n = {}, math.floor((to - from) / step + 1e-9)
      for i = 0, n do out[#out + 1] = from + i * step end
      return out
    end
    """
}

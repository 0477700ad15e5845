-- Public searches, as query strings for the portal and as the equivalent Elasticsearch request
-- bodies (built as publicity-service's ListingSearch, SearchQuery and ListingFilter build them).
--
-- "cached": one query repeated, so the publicity service's Redis cache answers.
-- "varied": a word drawn from the demo data's names plus a random page, size and filters, so the
--           cache (keyed by the whole query) almost never answers twice.
-- "mixed":  what a crowd does: 80 % the popular words on the first page, 20 % varied.
local M = {}

-- Parts of the demo enterprises' names (and two that find nothing, as people also type).
M.words = {
  "水泥", "新材料", "化工", "电力", "宁夏", "银川", "石嘴山", "中卫", "吴忠", "固原", "大同",
  "发电", "铝业", "特钢", "纸业", "乳业", "枸杞", "葡萄酒", "羊绒", "制药", "硅业", "新能源",
  "精细化工", "新型建材", "煤化工", "工业园区", "管理委员会", "盐池", "永宁", "青铜峡", "彭阳",
  "灵武", "贺兰", "平罗", "惠农", "宁东", "红寺堡", "六盘山", "金沙", "鸣沙", "瀚海", "黄河",
  "博宇", "星海", "冀东水泥", "绿源", "太阳山", "明珠", "光伏", "稀土",
}
M.hot = { "水泥", "新材料", "化工", "宁夏", "银川", "石嘴山", "发电", "铝业", "枸杞", "新能源" }
M.types = { "GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN" }
M.levels = { "NATIONAL", "PROVINCIAL", "MUNICIPAL" }

local function pick(list) return list[math.random(#list)] end

function M.next(mode)
  if mode == "cached" then return { q = "水泥", page = 0, size = 20 } end
  if mode == "mixed" and math.random() < 0.8 then return { q = pick(M.hot), page = 0, size = 20 } end
  local s = { q = pick(M.words), page = math.random(0, 2), size = math.random(10, 30) }
  if math.random() < 0.5 then s.type = pick(M.types) end
  if math.random() < 0.3 then s.level = pick(M.levels) end
  if math.random() < 0.3 then s.year = math.random(2017, 2025) end
  return s
end

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function M.query_string(s)
  local parts = { "q=" .. encode(s.q) }
  if s.type then parts[#parts + 1] = "type=" .. s.type end
  if s.level then parts[#parts + 1] = "level=" .. s.level end
  if s.year then parts[#parts + 1] = "year=" .. s.year end
  if s.page ~= 0 then parts[#parts + 1] = "page=" .. s.page end
  if s.size ~= 20 then parts[#parts + 1] = "size=" .. s.size end
  return table.concat(parts, "&")
end

-- ListingSearch.search: filters (ListingFilter.clauses order) + the text query (ListingSearch.text),
-- relevance sort with the id tie-breaker, total hits, no indicators, highlighting, and the facets.
function M.es_body(s)
  local q = s.q:gsub('\\', '\\\\'):gsub('"', '\\"')
  local filters = {}
  if s.type then filters[#filters + 1] = string.format('{"term":{"type":{"value":"%s"}}}', s.type) end
  if s.level then filters[#filters + 1] = string.format('{"term":{"level":{"value":"%s"}}}', s.level) end
  if s.year then filters[#filters + 1] = string.format('{"term":{"year":{"value":%d}}}', s.year) end
  filters[#filters + 1] = '{"terms":{"status":["ACTIVE","SUSPENDED"]}}'
  local should = {}
  for _, field in ipairs({ "enterpriseName", "subjectName" }) do
    should[#should + 1] = string.format('{"match_phrase":{"%s":{"query":"%s","slop":0,"boost":3.0}}}', field, q)
    should[#should + 1] = string.format('{"match_phrase_prefix":{"%s":{"query":"%s","slop":0,"max_expansions":50}}}', field, q)
  end
  local lower = q:lower()
  should[#should + 1] = string.format('{"term":{"certificateNumber":{"value":"%s","boost":10.0}}}', lower)
  should[#should + 1] = string.format('{"term":{"uscc":{"value":"%s","boost":10.0}}}', lower)
  return string.format(
    '{"aggregations":{"type":{"terms":{"field":"type","size":10}},"level":{"terms":{"field":"level","size":10}},' ..
    '"status":{"terms":{"field":"status","size":10}},' ..
    '"region":{"terms":{"field":"cityCode","size":500}},"industry":{"terms":{"field":"industryCode","size":200}},' ..
    '"year":{"terms":{"field":"year","size":200}}},"from":%d,' ..
    '"highlight":{"encoder":"html","fields":{"enterpriseName":{"number_of_fragments":0},' ..
    '"subjectName":{"number_of_fragments":0}},"post_tags":["</em>"],"pre_tags":["<em>"]},' ..
    '"query":{"bool":{"filter":[%s],"must":[{"bool":{"minimum_should_match":"1","should":[%s]}}]}},' ..
    '"size":%d,"sort":[{"_score":{"order":"desc"}},{"id":{"order":"asc"}}],' ..
    '"_source":{"excludes":["indicators","nameOrder"]},"track_total_hits":true}',
    s.page * s.size, table.concat(filters, ","), table.concat(should, ","), s.size)
end

return M

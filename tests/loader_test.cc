// The loaders pin exact positions: every node, key and problem is where a person would point.

#include <catch2/catch.hpp>

#include <string>

#include "load/loader.h"

using namespace samshift;
using model::Node;
using model::NodeKind;

namespace {

model::Document yaml(const std::string& text) { return load::loadText("t.yaml", text); }

// "line:col-line:col" of a span, 1-based, columns in characters.
std::string where(const model::Document& doc, core::Span span) {
  core::Range r = doc.source.range(span);
  return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" +
         std::to_string(r.end.line) + ":" + std::to_string(r.end.column);
}

const Node& at(const Node& root, std::initializer_list<const char*> keys) {
  const Node* node = &root;
  for (const char* key : keys) {
    node = node->get(key);
    REQUIRE(node != nullptr);
  }
  return *node;
}

// "0,0,…,0": `count` values in the fewest bytes.
std::string zeros(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += i ? ",0" : "0";
  return text;
}

}  // namespace

TEST_CASE("scalars, keys and collections keep exact ranges", "[load][positions]") {
  auto doc = yaml(
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      MemorySize: "
      "128\n");
  REQUIRE(doc.parsed);
  const Node& type = at(doc.root, {"Resources", "Fn", "Type"});
  CHECK(type.text() == "AWS::Serverless::Function");
  CHECK(where(doc, type.span()) == "3:11-3:36");
  const Node& memory = at(doc.root, {"Resources", "Fn", "Properties", "MemorySize"});
  CHECK(memory.kind() == NodeKind::kInt);
  CHECK(where(doc, memory.span()) == "5:19-5:22");
  const auto* fnEntry = at(doc.root, {"Resources"}).entry("Fn");
  CHECK(where(doc, fnEntry->key.span()) == "2:3-2:5");
  CHECK(where(doc, fnEntry->value.span()) == "3:5-5:22");
}

TEST_CASE("quoted, block and multi-line scalars end where their text ends", "[load][positions]") {
  auto doc = yaml(
      "a: 'it''s'\nb: \"x\\\"y\"  # c\nc: |\n  one\n  two\nd: plain\n  continued\ne: [x, 'y', {k: "
      "v}]\n");
  REQUIRE(doc.parsed);
  CHECK(at(doc.root, {"a"}).text() == "it's");
  CHECK(where(doc, at(doc.root, {"a"}).span()) == "1:4-1:11");
  CHECK(where(doc, at(doc.root, {"b"}).span()) == "2:4-2:10");
  CHECK(at(doc.root, {"c"}).text() == "one\ntwo\n");
  CHECK(where(doc, at(doc.root, {"c"}).span()) == "3:4-5:6");
  CHECK(at(doc.root, {"d"}).text() == "plain continued");
  CHECK(where(doc, at(doc.root, {"d"}).span()) == "6:4-7:12");
  const Node& e = at(doc.root, {"e"});
  CHECK(where(doc, e.span()) == "8:4-8:20");
  CHECK(where(doc, e.items()[1].span()) == "8:8-8:11");
  CHECK(where(doc, e.items()[2].span()) == "8:13-8:19");
}

TEST_CASE("short-form tags become the long forms the SAM transform reads", "[load][tags]") {
  auto doc = yaml(
      "a: !Ref Param\n"
      "b: !GetAtt Fn.Arn\n"
      "c: !GetAtt [Fn, Arn]\n"
      "d: !Sub '${AWS::Region}-x'\n"
      "e: !If [Cond, !Ref A, !Ref 'AWS::NoValue']\n"
      "f: !Ref 5\n"
      "g: !GetAtt Fn.Alias.Name\n"
      "h: !Condition IsProd\n");
  REQUIRE(doc.parsed);
  const Node& a = at(doc.root, {"a"});
  CHECK(a.intrinsicName() == "Ref");
  CHECK(a.intrinsicArgument().text() == "Param");
  CHECK(a.tag() == "!Ref");
  CHECK(where(doc, a.span()) == "1:4-1:14");
  CHECK(where(doc, a.entries()[0].key.span()) == "1:4-1:8");
  CHECK(where(doc, a.intrinsicArgument().span()) == "1:9-1:14");
  const Node& b = at(doc.root, {"b"});
  CHECK(b.intrinsicName() == "Fn::GetAtt");
  REQUIRE(b.intrinsicArgument().items().size() == 2);
  CHECK(b.intrinsicArgument().items()[0].text() == "Fn");
  CHECK(b.intrinsicArgument().items()[1].text() == "Arn");
  CHECK(where(doc, b.intrinsicArgument().items()[1].span()) == "2:15-2:18");
  CHECK(at(doc.root, {"c"}).intrinsicArgument().items()[1].text() == "Arn");
  CHECK(at(doc.root, {"d"}).intrinsicName() == "Fn::Sub");
  CHECK(at(doc.root, {"d"}).intrinsicArgument().text() == "${AWS::Region}-x");
  const Node& e = at(doc.root, {"e"});
  CHECK(e.intrinsicName() == "Fn::If");
  CHECK(e.intrinsicArgument().items()[2].intrinsicArgument().text() == "AWS::NoValue");
  CHECK(at(doc.root, {"f"}).intrinsicArgument().kind() == NodeKind::kString);  // tagged → string
  CHECK(at(doc.root, {"g"}).intrinsicArgument().items()[1].text() ==
        "Alias.Name");  // split at first dot
  CHECK(at(doc.root, {"h"}).intrinsicName() == "Condition");
}

TEST_CASE("an unknown tag still loads, keeping its tag for T004", "[load][tags]") {
  auto doc = yaml("a: !Frobnicate x\n");
  REQUIRE(doc.parsed);
  CHECK(at(doc.root, {"a"}).intrinsicName() == "Fn::Frobnicate");  // as the SAM loader makes it
  CHECK(at(doc.root, {"a"}).tag() == "!Frobnicate");
  CHECK(at(doc.root, {"a"}).get("Fn::Frobnicate") != nullptr);
}

TEST_CASE("duplicate keys are reported at both places and the last value wins",
          "[load][duplicates]") {
  auto doc = yaml("a:\n  k: 1\n  j: 2\n  k: 3\n");
  REQUIRE(doc.parsed);
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].kind == model::ProblemKind::kDuplicateKey);
  CHECK(where(doc, doc.problems[0].span) == "4:3-4:4");
  CHECK(where(doc, doc.problems[0].relatedSpan) == "2:3-2:4");
  CHECK(at(doc.root, {"a", "k"}).intValue() == 3);
  CHECK(at(doc.root, {"a"}).entries()[0].key.text() == "k");  // first key's place kept
}

TEST_CASE("anchors, aliases and merge keys follow PyYAML", "[load][anchors]") {
  auto doc = yaml("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nref: *b\n");
  REQUIRE(doc.parsed);
  CHECK(doc.problems.empty());
  CHECK(at(doc.root, {"use", "x"}).intValue() == 1);
  CHECK(at(doc.root, {"use", "y"}).intValue() == 3);
  CHECK(at(doc.root, {"ref", "y"}).intValue() == 2);
  CHECK(where(doc, at(doc.root, {"ref"}).span()) == "5:6-5:8");
}

TEST_CASE("CRLF, a BOM and non-ASCII text keep positions in the original bytes",
          "[load][positions]") {
  auto doc = yaml("\xEF\xBB\xBFk\xC3\xA9y: v\xC3\xA9\r\nb: |\r\n  text\r\nc: !Ref x\r\n");
  REQUIRE(doc.parsed);
  const auto& first = doc.root.entries()[0];
  CHECK(first.key.text() == "k\xC3\xA9y");
  CHECK(doc.source.position(first.key.span().begin).offset == 3);
  CHECK(where(doc, first.key.span()) == "1:2-1:5");  // the BOM is column 1
  CHECK(where(doc, first.value.span()) == "1:7-1:9");
  CHECK(at(doc.root, {"b"}).text() == "text\n");
  CHECK(where(doc, at(doc.root, {"c"}).span()) == "4:4-4:10");
}

TEST_CASE("JSON loads with positions and duplicate keys", "[load][json]") {
  auto doc = load::loadText(
      "t.json", "{\n  \"Resources\": {\n    \"A\": {\"Type\": \"X\", \"Type\": 1.5}\n  }\n}\n");
  REQUIRE(doc.parsed);
  CHECK(doc.format == model::Format::kJson);
  const Node& a = at(doc.root, {"Resources", "A"});
  CHECK(where(doc, a.span()) == "3:10-3:36");
  CHECK(at(doc.root, {"Resources", "A", "Type"}).floatValue() == 1.5);
  REQUIRE(doc.problems.size() == 1);
  CHECK(where(doc, doc.problems[0].span) == "3:24-3:30");
  CHECK(where(doc, doc.problems[0].relatedSpan) == "3:11-3:17");
}

TEST_CASE("syntax errors name the problem and its place", "[load][errors]") {
  SECTION("a tab used for indentation") {
    auto doc = yaml("a:\n\tb: c\n");
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("tab") != std::string::npos);
    CHECK(doc.source.position(doc.problems[0].span.begin).line == 2);
  }
  SECTION("an unclosed flow sequence") {
    auto doc = yaml("a: [1, 2\nb: c\n");
    CHECK_FALSE(doc.parsed);
    CHECK_FALSE(doc.problems.empty());
  }
  SECTION("invalid JSON") {
    auto doc = load::loadText("t.json", "{\"a\": [1, 2,, 3]}");
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(where(doc, doc.problems[0].span).rfind("1:", 0) == 0);
  }
  SECTION("two documents") {
    auto doc = yaml("a: 1\n---\nb: 2\n");
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("single document") != std::string::npos);
    CHECK(doc.source.position(doc.problems[0].span.begin).line == 2);
  }
}

TEST_CASE("hostile input is refused with a clear problem, fast", "[load][hostile]") {
  SECTION("an alias bomb") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
      std::string prev(1, static_cast<char>(c - 1));
      bomb += std::string(1, c) + ": &" + std::string(1, c) + " [";
      for (int i = 0; i < 9; ++i) bomb += (i ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    auto doc = yaml(bomb);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("alias bomb") != std::string::npos);
    CHECK(doc.source.position(doc.problems[0].span.begin).line > 1);
  }
  SECTION("200,000 levels of YAML flow nesting") {
    auto doc = yaml("a: " + std::string(200000, '[') + "\n");
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("esting") != std::string::npos);
  }
  SECTION("2,000 levels of block nesting") {
    std::string deep;
    for (int i = 0; i < 2000; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "k:\n";
    auto doc = yaml(deep);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("esting") != std::string::npos);
  }
  SECTION("200,000 levels of JSON nesting") {
    auto doc = load::loadText("t.json", std::string(200000, '[') + std::string(200000, ']'));
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message == "Nesting deeper than 512 levels");
  }
  SECTION("invalid UTF-8") {
    auto doc = yaml("a: b\nc: \xC3\x28\n");
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message == "Invalid UTF-8: byte 0xC3 does not start a valid sequence");
    CHECK(where(doc, doc.problems[0].span) == "2:4-2:5");
  }
  SECTION("a NUL byte") {
    auto doc = yaml(std::string("a: b\nc: d\0e\n", 12));
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("U+0000") != std::string::npos);
    CHECK(where(doc, doc.problems[0].span) == "2:5-2:6");
  }
  SECTION("every unreadable byte is found wherever it falls in a word of plain text") {
    // The scanners skip 8 bytes at a time; a bad byte at each offset of a word must still stop
    // them.
    struct Case {
      std::string bytes;
      std::string message;
    };
    const Case cases[] = {{std::string(1, '\0'), "U+0000"},
                          {"\x1F", "U+001F"},
                          {"\x7F", "U+007F"},
                          {"\xC2\x80", "U+0080"},
                          {"\xFF", "Invalid UTF-8: byte 0xFF"}};
    for (const Case& bad : cases) {
      for (size_t offset = 0; offset < 24; ++offset) {
        std::string value(offset, 'v');
        auto doc = yaml("key: " + value + bad.bytes + "tail\n");
        INFO("offset " << offset << ", " << bad.message);
        CHECK_FALSE(doc.parsed);
        REQUIRE(doc.problems.size() == 1);
        CHECK(doc.problems[0].message.find(bad.message) != std::string::npos);
        CHECK(doc.problems[0].span.begin == 5 + offset);
      }
    }
    auto clean = yaml("key: \"tab\there, caf\xC3\xA9 and ~{}|\\\\ up to 0x7E\"\r\nnext: 1\n");
    CHECK(clean.parsed);
  }
  SECTION("a file over the size limit") {
    load::LoadLimits limits;
    limits.maxBytes = 1000;
    auto doc = load::loadText("t.yaml", "a: " + std::string(2000, 'x'), limits);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("limit of 1000 bytes") != std::string::npos);
  }
  SECTION("anchors nested around a large list: each anchor's copy counts") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "&a" + std::to_string(i) + " [";
    text += zeros(2000) + std::string(200, ']') + "\n";
    auto doc = yaml(text);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message ==
          "Aliases expand to more than 200000 nodes (an alias bomb?); expansion stopped here");
  }
  SECTION("aliases of a long string: the text they copy counts") {
    std::string text = "s: &s " + std::string(100000, 'x') + "\nl:\n";
    for (int i = 0; i < 200; ++i) text += "- *s\n";
    auto doc = yaml(text);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message ==
          "Aliases expand to more than 16777216 bytes of text (an alias bomb?); "
          "expansion stopped here");
    CHECK(where(doc, doc.problems[0].span) == "169:3-169:5");  // the alias that passed the limit
  }
  SECTION("merge keys copy the entries they merge, and that counts") {
    // 600 aliases of 201 values each stay under the copy limit; the merges copy them once more.
    std::string text = "base: &b {";
    for (int i = 0; i < 100; ++i) text += (i ? ", k" : "k") + std::to_string(i) + ": 0";
    text += "}\n";
    for (int i = 0; i < 600; ++i) text += "m" + std::to_string(i) + ": {<<: *b}\n";
    auto doc = yaml(text);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message.find("expand to more than 200000 nodes") != std::string::npos);
  }
  SECTION("an alias cannot nest a document deeper than the nesting limit") {
    std::string text = "a: &a " + std::string(300, '[') + std::string(300, ']') + "\n";
    text += "b: " + std::string(300, '[') + "*a" + std::string(300, ']') + "\n";
    auto doc = yaml(text);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].message == "Nesting deeper than 512 levels");
    CHECK(where(doc, doc.problems[0].span) == "2:304-2:306");
  }
  SECTION("more values than the limit, YAML and JSON") {
    load::LoadLimits limits;
    limits.maxNodes = 1000;
    std::string list = "[" + zeros(1500) + "]";
    for (const char* name : {"t.yaml", "t.json"}) {
      auto doc = load::loadText(name, list, limits);
      INFO(name);
      CHECK_FALSE(doc.parsed);
      REQUIRE(doc.problems.size() == 1);
      CHECK(doc.problems[0].message ==
            "More than 1000 values in one document "
            "(a limit that keeps memory in proportion to the input); loading stopped here");
      CHECK(doc.problems[0].span.begin == 1999);  // the 1000th zero, which passed it
    }
  }
  SECTION("more duplicate keys than the problem limit, YAML and JSON") {
    std::string yamlText = "{", jsonText = "{";
    for (int i = 0; i < 1500; ++i) {
      yamlText += "a: 0, ";
      jsonText += std::string(i ? "," : "") + "\"a\": 0";
    }
    for (auto doc :
         {load::loadText("t.yaml", yamlText + "}"), load::loadText("t.json", jsonText + "}")}) {
      CHECK_FALSE(doc.parsed);
      REQUIRE(doc.problems.size() == 1002);
      CHECK(doc.problems[1000].kind == model::ProblemKind::kDuplicateKey);
      CHECK(doc.problems[1001].kind == model::ProblemKind::kSyntax);
      CHECK(doc.problems[1001].message ==
            "More than 1000 duplicate keys or other problems; loading stopped here");
    }
  }
  SECTION("a huge line") {
    auto doc = yaml("a: " + std::string(5u << 20, 'x') + "\n");
    CHECK(doc.parsed);
    CHECK(at(doc.root, {"a"}).text().size() == (5u << 20));
  }
}

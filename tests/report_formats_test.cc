// The CI formats pinned byte for byte on one small input: a finding with a note and characters
// that each format must escape, and an info without notes.

#include <catch2/catch.hpp>

#include <sstream>

#include "report/github_format.h"
#include "report/json_format.h"
#include "report/junit_format.h"
#include "report/relative_path.h"
#include "report/sarif_format.h"
#include "core/xml_escape.h"

using namespace samshift;

namespace {

// Line 2 holds `Fn` at byte 13 (column 3); line 3 holds `Type` at byte 21 (column 5) and the
// non-ASCII `é` at byte 28 (column 12), so columns count characters, not bytes.
const core::SourceFile& source() {
  static const core::SourceFile kSource("/work/proj/dir/t.yaml", "Resources:\n  Fn:\n    Type: \"\xC3\xA9<b\"\n");
  return kSource;
}

std::vector<report::FileReport> sample() {
  core::Diagnostic error{"D001", "some-rule", core::Severity::kError, core::Span{13, 15},
                         "Bad `A` & <b> \"q\", 50%\nnext: line", {core::Note{core::Span{21, 25}, "First, here: yes"}}};
  core::Diagnostic info{"V006", "other-rule", core::Severity::kInfo, core::Span{28, 32}, "Info", {}};
  return {report::FileReport{&source(), "/work/proj/dir/t.yaml", {error, info}}};
}

constexpr core::RuleInfo kRule{"D001", "some-rule", core::Severity::kWarning, "One line",
                                 "## What it does\nChecks A.\n\n## Why is this bad?\nB.\n"};

}  // namespace

TEST_CASE("relative paths for CI formats", "[report]") {
  CHECK(report::relativePath("./a/b.yaml", "/work") == "a/b.yaml");
  CHECK(report::relativePath("/work/a/b.yaml", "/work") == "a/b.yaml");
  CHECK(report::relativePath("/elsewhere/x.yaml", "/work") == "../elsewhere/x.yaml");
  CHECK(report::relativePath("<stdin>", "/work") == "<stdin>");
  CHECK(report::uriReference("dir/a b#%.yaml") == "dir/a%20b%23%25.yaml");
}

TEST_CASE("github format escapes data and properties", "[report]") {
  CHECK(report::githubEscapeData("50%\r\na:b,c") == "50%25%0D%0Aa:b,c");
  CHECK(report::githubEscapeProperty("50%\r\na:b,c") == "50%25%0D%0Aa%3Ab%2Cc");
  std::ostringstream out;
  report::writeGithub(out, sample(), "/work/proj");
  CHECK(out.str() ==
        "::error file=dir/t.yaml,line=2,col=3,endLine=2,endColumn=5,title=D001 [some-rule]::"
        "Bad `A` & <b> \"q\", 50%25%0Anext: line%0Anote: line 3, column 5: First, here: yes\n"
        "::notice file=dir/t.yaml,line=3,col=12,endLine=3,endColumn=15,title=V006 [other-rule]::Info\n");
}

TEST_CASE("junit format: one testcase per file, one failure per finding", "[report]") {
  CHECK(core::xmlEscape("a&b<c>\"d\"'e'\tf\ng\x01h") == "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g\xEF\xBF\xBDh");
  CHECK(core::xmlEscape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  std::ostringstream out;
  auto files = sample();
  files.push_back(report::FileReport{&source(), "clean.yaml", {}});
  report::writeJunit(out, files);
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"samshift\" tests=\"2\" failures=\"2\" errors=\"0\">\n"
        "  <testsuite name=\"samshift lint\" tests=\"2\" failures=\"2\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase classname=\"samshift\" name=\"/work/proj/dir/t.yaml\" file=\"/work/proj/dir/t.yaml\">\n"
        "      <failure type=\"D001\" message=\"2:3: D001 [some-rule] Bad `A` &amp; &lt;b&gt; &quot;q&quot;, "
        "50%&#10;next: line\">/work/proj/dir/t.yaml:2:3: error D001 [some-rule] Bad `A` &amp; &lt;b&gt; "
        "&quot;q&quot;, 50%&#10;next: line&#10;note: /work/proj/dir/t.yaml:3:5: First, here: yes</failure>\n"
        "      <failure type=\"V006\" message=\"3:12: V006 [other-rule] Info\">/work/proj/dir/t.yaml:3:12: info V006 "
        "[other-rule] Info</failure>\n"
        "    </testcase>\n"
        "    <testcase classname=\"samshift\" name=\"clean.yaml\" file=\"clean.yaml\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("json format: an array of findings", "[report]") {
  std::ostringstream out;
  report::writeJson(out, sample());
  CHECK(out.str() == R"([
  {
    "file": "/work/proj/dir/t.yaml",
    "line": 2,
    "column": 3,
    "endLine": 2,
    "endColumn": 5,
    "code": "D001",
    "slug": "some-rule",
    "severity": "error",
    "message": "Bad `A` & <b> \"q\", 50%\nnext: line",
    "notes": [
      {
        "line": 3,
        "column": 5,
        "message": "First, here: yes"
      }
    ]
  },
  {
    "file": "/work/proj/dir/t.yaml",
    "line": 3,
    "column": 12,
    "endLine": 3,
    "endColumn": 15,
    "code": "V006",
    "slug": "other-rule",
    "severity": "info",
    "message": "Info",
    "notes": []
  }
]
)");
}

TEST_CASE("sarif format: driver rules and results with regions", "[report]") {
  CHECK(report::docSection(kRule.doc, "What it does") == "Checks A.");
  CHECK(report::docSection(kRule.doc, "Why is this bad?") == "B.");
  CHECK(report::docSection(kRule.doc, "Example") == "");
  report::SarifOptions options;
  options.toolVersion = "1.2.3";
  options.informationUri = "https://example.org/samshift";
  options.helpUriBase = "https://example.org/rules#";
  options.workingDirectory = "/work/proj";
  std::ostringstream out;
  report::writeSarif(out, sample(), {&kRule}, options);
  CHECK(out.str() == R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "samshift",
          "version": "1.2.3",
          "informationUri": "https://example.org/samshift",
          "rules": [
            {
              "id": "D001",
              "name": "some-rule",
              "shortDescription": {
                "text": "One line"
              },
              "fullDescription": {
                "text": "Checks A."
              },
              "help": {
                "text": "## What it does\nChecks A.\n\n## Why is this bad?\nB.\n",
                "markdown": "## What it does\nChecks A.\n\n## Why is this bad?\nB.\n"
              },
              "helpUri": "https://example.org/rules#D001",
              "defaultConfiguration": {
                "level": "warning"
              }
            }
          ]
        }
      },
      "originalUriBaseIds": {
        "%SRCROOT%": {
          "uri": "file:///work/proj/"
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "D001",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "Bad `A` & <b> \"q\", 50%\nnext: line"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "dir/t.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 3,
                  "endLine": 2,
                  "endColumn": 5
                }
              }
            }
          ],
          "relatedLocations": [
            {
              "id": 1,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "dir/t.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 5,
                  "endLine": 3,
                  "endColumn": 9
                }
              },
              "message": {
                "text": "First, here: yes"
              }
            }
          ]
        },
        {
          "ruleId": "V006",
          "level": "note",
          "message": {
            "text": "Info"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "dir/t.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 12,
                  "endLine": 3,
                  "endColumn": 15
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
)");
}

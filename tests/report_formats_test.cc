// The CI formats pinned byte for byte on one small input: a finding with a note and characters
// that each format must escape, and an info without notes.

#include <catch2/catch.hpp>

#include <sstream>

#include "core/printable_text.h"
#include "core/xml_escape.h"
#include "plan/report.h"
#include "report/github_format.h"
#include "report/json_format.h"
#include "report/junit_format.h"
#include "report/relative_path.h"
#include "report/sarif_format.h"
#include "report/text_format.h"
#include "test_support.h"

using namespace samshift;

namespace {

// Line 2 holds `Fn` at byte 13 (column 3); line 3 holds `Type` at byte 21 (column 5) and the
// non-ASCII `é` at byte 28 (column 12), so columns count characters, not bytes.
const core::SourceFile& source() {
  static const core::SourceFile kSource("/work/proj/dir/t.yaml",
                                        "Resources:\n  Fn:\n    Type: \"\xC3\xA9<b\"\n");
  return kSource;
}

std::vector<report::FileReport> sample() {
  core::Diagnostic error{"D001",
                         "some-rule",
                         core::Severity::kError,
                         core::Span{13, 15},
                         "Bad `A` & <b> \"q\", 50%\nnext: line",
                         {core::Note{core::Span{21, 25}, "First, here: yes"}}};
  core::Diagnostic info{"V006", "other-rule", core::Severity::kInfo, core::Span{28, 32}, "Info",
                        {}};
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
        "Bad `A` & <b> \"q\", 50%25\\nnext: line%0Anote: line 3, column 5: First, here: yes\n"
        "::notice file=dir/t.yaml,line=3,col=12,endLine=3,endColumn=15,title=V006 "
        "[other-rule]::Info\n");
}

TEST_CASE("junit format: one testcase per finding, one passing testcase per clean file",
          "[report]") {
  CHECK(core::xmlEscape("a&b<c>\"d\"'e'\tf\ng\x01h") ==
        "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g\xEF\xBF\xBDh");
  CHECK(core::xmlEscape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  std::ostringstream out;
  auto files = sample();
  files.push_back(report::FileReport{&source(), "clean.yaml", {}});
  report::writeJunit(out, files);
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"samshift\" tests=\"3\" failures=\"2\" errors=\"0\">\n"
        "  <testsuite name=\"samshift lint\" tests=\"3\" failures=\"2\" errors=\"0\" "
        "skipped=\"0\">\n"
        "    <testcase classname=\"/work/proj/dir/t.yaml\" name=\"2:3: D001 [some-rule]\" "
        "file=\"/work/proj/dir/t.yaml\" line=\"2\">\n"
        "      <failure type=\"D001\" message=\"2:3: D001 [some-rule] Bad `A` &amp; &lt;b&gt; "
        "&quot;q&quot;, 50%&#10;next: line\">/work/proj/dir/t.yaml:2:3: error D001 [some-rule] "
        "Bad `A` &amp; &lt;b&gt; &quot;q&quot;, 50%&#10;next: line&#10;note: "
        "/work/proj/dir/t.yaml:3:5: First, here: yes</failure>\n"
        "    </testcase>\n"
        "    <testcase classname=\"/work/proj/dir/t.yaml\" name=\"3:12: V006 [other-rule]\" "
        "file=\"/work/proj/dir/t.yaml\" line=\"3\">\n"
        "      <failure type=\"V006\" message=\"3:12: V006 [other-rule] "
        "Info\">/work/proj/dir/t.yaml:3:12: info V006 [other-rule] Info</failure>\n"
        "    </testcase>\n"
        "    <testcase classname=\"clean.yaml\" name=\"clean.yaml\" file=\"clean.yaml\"/>\n"
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

namespace {

std::string textReport(const core::SourceFile& file, core::Span span, const std::string& message,
                       bool showSource) {
  core::Diagnostic finding{"T001", "syntax-error", core::Severity::kError, span, message, {}};
  std::ostringstream out;
  report::writeText(out, {report::FileReport{&file, file.path(), {finding}}},
                    report::TextOptions{false, showSource});
  return out.str();
}

}  // namespace

TEST_CASE("template text cannot forge a line or reach the terminal raw", "[report][escape]") {
  // A `!Ref` whose value holds a line break and a workflow command, and an escape sequence.
  core::SourceFile file("t.yaml", "a: !Ref \"x\\n::error file=f::forged\\e[2J\"\n");
  std::string message = "Unknown `x\n::error file=f::forged\x1b[2J`";
  CHECK(textReport(file, core::Span{3, 7}, message, false) ==
        "t.yaml:1:4: error T001 [syntax-error] Unknown `x\\n::error file=f::forged\\x1b[2J`\n");

  core::Diagnostic finding{
      "T001",           "syntax-error", core::Severity::kError,
      core::Span{3, 7}, message,        {core::Note{core::Span{}, "see \u2028 \xC2\x9B and \x7F"}}};
  std::ostringstream github;
  report::writeGithub(github, {report::FileReport{&file, "t.yaml", {finding}}}, "/");
  CHECK(github.str() ==
        "::error file=t.yaml,line=1,col=4,endLine=1,endColumn=8,title=T001 [syntax-error]::"
        "Unknown `x\\n::error file=f::forged\\x1b[2J`%0Anote: see \\u2028 \\u009b and \\x7f\n");

  CHECK(core::printableText("plain text, caf\xC3\xA9") == "plain text, caf\xC3\xA9");
  CHECK(core::printableText("tab\tcr\rbidi\xE2\x80\xAE"
                            "end, bad \xFF") == "tab\\tcr\\rbidi\\u202eend, bad \\xff");
}

TEST_CASE("source excerpts keep tabs under the caret and escape control characters",
          "[report][excerpt]") {
  core::SourceFile file("t.yaml", "a:\n\tb: caf\xC3\xA9 x\n");
  CHECK(textReport(file, core::Span{12, 13}, "M", true) ==
        "t.yaml:2:9: error T001 [syntax-error] M\n"
        "    \tb: caf\xC3\xA9 x\n"
        "    \t       ^\n");
  CHECK(textReport(file, core::Span{4, 12}, "M", true) ==
        "t.yaml:2:2: error T001 [syntax-error] M\n"
        "    \tb: caf\xC3\xA9 x\n"
        "    \t^~~~~~~\n");
  // A control character the loader refused is shown escaped, the caret under its escape.
  core::SourceFile raw("t.yaml", "a: \x1b[31mred\n");
  CHECK(textReport(raw, core::Span{3, 4}, "Unacceptable character U+001B", true) ==
        "t.yaml:1:4: error T001 [syntax-error] Unacceptable character U+001B\n"
        "    a: \\x1b[31mred\n"
        "       ^~~~\n");
}

TEST_CASE("an excerpt of a long line is a window around the place", "[report][excerpt]") {
  // A minified template: one line of 400,000 characters, the finding at column 200,001.
  std::string line = "{" + std::string(399999, 'x');
  line[200000] = 'Y';
  core::SourceFile file("t.json", line + "\n");
  std::string report = textReport(file, core::Span{200000, 200003}, "M", true);
  std::string expected =
      "t.json:1:200001: error T001 [syntax-error] M\n"
      "    ..." +
      std::string(60, 'x') + "Y" + std::string(99, 'x') +
      "...\n"
      "    " +
      std::string(63, ' ') + "^~~\n";
  CHECK(report == expected);

  // Near either end, the window is the line's first or last 160 characters.
  CHECK(textReport(file, core::Span{0, 1}, "M", true) ==
        "t.json:1:1: error T001 [syntax-error] M\n    {" + std::string(159, 'x') + "...\n    ^\n");
  CHECK(textReport(file, core::Span{399999, 400000}, "M", true) ==
        "t.json:1:400000: error T001 [syntax-error] M\n    ..." + std::string(160, 'x') + "\n    " +
            std::string(162, ' ') + "^\n");
  // A line of exactly 160 characters is shown whole.
  core::SourceFile exact("t.yaml", std::string(160, 'z') + "\n");
  CHECK(textReport(exact, core::Span{159, 160}, "M", true) ==
        "t.yaml:1:160: error T001 [syntax-error] M\n    " + std::string(160, 'z') + "\n    " +
            std::string(159, ' ') + "^\n");
}

TEST_CASE("plan's text and expand's errors escape the template text they show",
          "[report][escape]") {
  plan::Deployment deployment;
  deployment.resource = "Fn\n::error file=f::forged";
  deployment.planned = false;
  deployment.reason = "alias \x1b[2J";
  CHECK(plan::renderText({deployment}, "t.yaml") ==
        "t.yaml: 1 deployment, 1 without a plan\n\n"
        "Fn\\n::error file=f::forged  function, no alias\n"
        "  no plan   alias \\x1b[2J\n");

  // An alias name holding a line break and an annotation: SAM's message quotes it.
  testing::CommandResult expanded = testing::runSamshift(
      "expand -",
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
      "    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n"
      "      Handler: a.h\n      InlineCode: x\n"
      "      AutoPublishAlias: \"bad\\n::error file=f::forged\"\n");
  CHECK(expanded.exitCode == 1);
  CHECK(expanded.err.find("AutoPublishAlias name ('bad\\n::error file=f::forged')") !=
        std::string::npos);
  CHECK(expanded.err.find("\n::error") == std::string::npos);
}

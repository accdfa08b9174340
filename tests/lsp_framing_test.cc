// The LSP base protocol reader: whole messages from bytes that arrive in any pieces, and a
// resynchronisation after a broken header.

#include <catch2/catch.hpp>

#include "lsp/framing.h"

using samshift::lsp::Frame;
using samshift::lsp::FrameReader;

namespace {

std::vector<std::string> drain(FrameReader& reader) {
  std::vector<std::string> out;
  while (auto frame = reader.next()) {
    out.push_back((frame->kind == Frame::Kind::kError ? "error: " : "message: ") + frame->body);
  }
  return out;
}

}  // namespace

TEST_CASE("lsp framing: whole messages, byte by byte", "[lsp]") {
  std::string bytes =
      "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
      "content-length: 4\r\n\r\nnull";
  FrameReader reader;
  std::vector<std::string> got;
  for (char c : bytes) {
    reader.feed(std::string_view(&c, 1));
    for (std::string& frame : drain(reader)) got.push_back(frame);
  }
  CHECK(got == std::vector<std::string>{"message: {}", "message: null"});
  CHECK(reader.buffered() == 0);
}

TEST_CASE("lsp framing: a partial body waits for the rest", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: 10\r\n\r\n{\"a\":");
  CHECK(drain(reader).empty());
  CHECK(reader.buffered() == 5);
  reader.feed("true}");
  CHECK(drain(reader) == std::vector<std::string>{"message: {\"a\":true}"});
}

TEST_CASE("lsp framing: bare LF header lines are accepted", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: 2\n\n[]");
  CHECK(drain(reader) == std::vector<std::string>{"message: []"});
}

TEST_CASE("lsp framing: broken headers are reported and skipped up to the next header", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: -3\r\n\r\n{garbage}Content-Length: 2\r\n\r\n{}");
  reader.feed("Content-Length 7\r\n\r\n{}{}{}{Content-Length: 1\r\n\r\n1");
  reader.feed("X-Other: 1\r\n\r\nabcContent-Length: 1\r\n\r\n2");
  CHECK(drain(reader) == std::vector<std::string>{
                             "error: invalid Content-Length '-3'",
                             "message: {}",
                             "error: malformed header line 'Content-Length 7'",
                             "message: 1",
                             "error: header without Content-Length",
                             "message: 2",
                         });
}

TEST_CASE("lsp framing: an endless header and an oversized body", "[lsp]") {
  FrameReader reader;
  reader.feed(std::string(9000, 'x'));
  CHECK(drain(reader) == std::vector<std::string>{"error: header block longer than 8192 bytes"});
  CHECK(reader.buffered() == 0);
  reader.feed("Content-Length: 67108865\r\n\r\n");
  reader.feed(std::string(1000, ' '));
  CHECK(drain(reader) ==
        std::vector<std::string>{
            "error: message of 67108865 bytes exceeds the limit of 67108864 bytes"});
  // The rest of the oversized body is discarded as it arrives, never buffered.
  reader.feed(std::string(67108865 - 1000, ' '));
  CHECK(reader.buffered() == 0);
  reader.feed("Content-Length: 2\r\n\r\n{}");
  CHECK(drain(reader) == std::vector<std::string>{"message: {}"});
}

TEST_CASE("lsp framing: skipping after an error finds headers in any case", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: x\r\n\r\n{}content-length: 2\r\n\r\n{}");
  reader.feed("bad\r\n\r\nCONTENT-LENGTH : 4\r\ncontent-type: a\r\n\r\nnull");
  CHECK(drain(reader) == std::vector<std::string>{
                             "error: invalid Content-Length 'x'",
                             "message: {}",
                             "error: malformed header line 'bad'",
                             "message: null",
                         });
}

TEST_CASE("lsp framing: skipping is not fooled by a header inside a JSON body", "[lsp]") {
  // The body of the oversized message quotes a header; JSON holds no raw line break after it.
  FrameReader reader;
  reader.feed("Content-Length: 99999999999\r\n\r\n");
  reader.feed(R"({"text":"Content-Length: 2\n\n{}", "Content-Length": 3})");
  reader.feed("\r\nContent-Length: 2\r\n\r\n[]");
  CHECK(drain(reader) ==
        std::vector<std::string>{
            "error: message of 99999999999 bytes exceeds the limit of 67108864 bytes",
            "message: []",
        });
}

TEST_CASE("lsp framing: a header cut in two while skipping", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: z\r\n\r\njunk junk Content-Le");
  CHECK(drain(reader) == std::vector<std::string>{"error: invalid Content-Length 'z'"});
  // Only the possible start of a header is kept.
  CHECK(reader.buffered() == std::string_view("Content-Le").size());
  reader.feed("ngth:");
  CHECK(drain(reader).empty());
  reader.feed(" 1\r\n\r\n7");
  CHECK(drain(reader) == std::vector<std::string>{"message: 7"});
}

TEST_CASE("lsp framing: a length of 2^64 - 1 loses one message, not the session", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: 18446744073709551615\r\n\r\n{\"jsonrpc\":\"2.0\"}");
  reader.feed("Content-Length: 18446744073709551616\r\n\r\n");
  reader.feed("content-length: 2\r\n\r\n{}");
  CHECK(drain(reader) ==
        std::vector<std::string>{
            "error: message of 18446744073709551615 bytes exceeds the limit of 67108864 bytes",
            "error: invalid Content-Length '18446744073709551616'",
            "message: {}",
        });
  CHECK(reader.buffered() == 0);
}

TEST_CASE("lsp framing: a header block is looked for only within its limit", "[lsp]") {
  // A header line followed by megabytes without an empty line: an error after 8 KiB, not a
  // header block of megabytes, and the next real header is found.
  FrameReader reader;
  reader.feed("Content-Length: 2\r\n" + std::string(1 << 20, 'h') + "\r\n\r\n");
  reader.feed("Content-Length: 2\r\n\r\n{}");
  CHECK(drain(reader) ==
        std::vector<std::string>{"error: header block longer than 8192 bytes", "message: {}"});
}

TEST_CASE("lsp framing: what the end of input cuts off", "[lsp]") {
  FrameReader reader;
  CHECK_FALSE(reader.midMessage());
  reader.feed("Content-Length: 10\r\n");
  CHECK(reader.midMessage());
  reader.feed("\r\n{\"a\"");
  CHECK(drain(reader).empty());
  CHECK(reader.midMessage());
  CHECK(reader.buffered() == 4);
  reader.feed(":true}");
  CHECK(drain(reader).size() == 1);
  CHECK_FALSE(reader.midMessage());
}

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
  std::string bytes = "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
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
  CHECK(drain(reader) == std::vector<std::string>{
                             "error: message of 67108865 bytes exceeds the limit of 67108864 bytes"});
  // The rest of the oversized body is discarded as it arrives, never buffered.
  reader.feed(std::string(67108865 - 1000, ' '));
  CHECK(reader.buffered() == 0);
  reader.feed("Content-Length: 2\r\n\r\n{}");
  CHECK(drain(reader) == std::vector<std::string>{"message: {}"});
}

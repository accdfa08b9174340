// The SVG chart: self-contained markup of the announced size, rendered to PNG by rsvg-convert
// (Debian librsvg2-bin) and decoded here, so the test sees pixels: the image has the expected
// size, is not blank, and shows the colour of each deployment's line.

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "load/loader.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/report.h"
#include "sam/parameter_values.h"
#include "test_support.h"

using samshift::testing::readFile;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;

namespace {

// --- A small inflate (RFC 1951), enough for the zlib stream inside a PNG. ---

class Inflater {
 public:
  Inflater(const std::string& data, size_t start) : data_(data), pos_(start) {}

  std::vector<uint8_t> run() {
    int last = 0;
    do {
      last = bits(1);
      int type = bits(2);
      if (type == 0) {
        stored();
      } else if (type == 1) {
        fixed();
      } else if (type == 2) {
        dynamic();
      } else {
        throw std::runtime_error("bad block type");
      }
    } while (!last);
    return out_;
  }

 private:
  struct Huffman {
    std::array<int16_t, 16> count{};
    std::array<int16_t, 320> symbol{};
  };

  int bits(int need) {
    uint32_t value = bitBuffer_;
    while (bitCount_ < need) {
      if (pos_ >= data_.size()) throw std::runtime_error("inflate ran out of input");
      value |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_++])) << bitCount_;
      bitCount_ += 8;
    }
    bitBuffer_ = value >> need;
    bitCount_ -= need;
    return static_cast<int>(value & ((1u << need) - 1));
  }

  void stored() {
    bitBuffer_ = 0;
    bitCount_ = 0;
    if (pos_ + 4 > data_.size()) throw std::runtime_error("short stored block");
    size_t length =
        static_cast<uint8_t>(data_[pos_]) | (static_cast<uint8_t>(data_[pos_ + 1]) << 8);
    pos_ += 4;
    if (pos_ + length > data_.size()) throw std::runtime_error("short stored block");
    out_.insert(out_.end(), data_.begin() + static_cast<long>(pos_),
                data_.begin() + static_cast<long>(pos_ + length));
    pos_ += length;
  }

  static Huffman build(const int16_t* lengths, int n) {
    Huffman h;
    for (int i = 0; i < n; ++i) h.count[static_cast<size_t>(lengths[i])]++;
    std::array<int16_t, 16> offsets{};
    for (int len = 1; len < 15; ++len)
      offsets[len + 1] = static_cast<int16_t>(offsets[len] + h.count[len]);
    for (int i = 0; i < n; ++i) {
      if (lengths[i])
        h.symbol[static_cast<size_t>(offsets[static_cast<size_t>(lengths[i])]++)] =
            static_cast<int16_t>(i);
    }
    return h;
  }

  int decode(const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= 15; ++len) {
      code |= bits(1);
      int count = h.count[static_cast<size_t>(len)];
      if (code - count < first) return h.symbol[static_cast<size_t>(index + (code - first))];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw std::runtime_error("bad Huffman code");
  }

  void codes(const Huffman& lengthCode, const Huffman& distanceCode) {
    static const int16_t kLengthBase[] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                          15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                          67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int16_t kLengthExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const int16_t kDistanceBase[] = {
        1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const int16_t kDistanceExtra[] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
      int symbol = decode(lengthCode);
      if (symbol < 256) {
        out_.push_back(static_cast<uint8_t>(symbol));
      } else if (symbol == 256) {
        return;
      } else {
        symbol -= 257;
        if (symbol >= 29) throw std::runtime_error("bad length symbol");
        int length = kLengthBase[symbol] + bits(kLengthExtra[symbol]);
        int distanceSymbol = decode(distanceCode);
        if (distanceSymbol >= 30) throw std::runtime_error("bad distance symbol");
        size_t distance = static_cast<size_t>(kDistanceBase[distanceSymbol] +
                                              bits(kDistanceExtra[distanceSymbol]));
        if (distance > out_.size()) throw std::runtime_error("distance too far back");
        for (int i = 0; i < length; ++i) out_.push_back(out_[out_.size() - distance]);
      }
    }
  }

  void fixed() {
    std::array<int16_t, 288> lengths{};
    for (int i = 0; i < 144; ++i) lengths[static_cast<size_t>(i)] = 8;
    for (int i = 144; i < 256; ++i) lengths[static_cast<size_t>(i)] = 9;
    for (int i = 256; i < 280; ++i) lengths[static_cast<size_t>(i)] = 7;
    for (int i = 280; i < 288; ++i) lengths[static_cast<size_t>(i)] = 8;
    std::array<int16_t, 30> distances{};
    distances.fill(5);
    codes(build(lengths.data(), 288), build(distances.data(), 30));
  }

  void dynamic() {
    static const int kOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                   11, 4,  12, 3, 13, 2, 14, 1, 15};
    int lengthCount = bits(5) + 257;
    int distanceCount = bits(5) + 1;
    int codeCount = bits(4) + 4;
    std::array<int16_t, 320> lengths{};
    for (int i = 0; i < codeCount; ++i)
      lengths[static_cast<size_t>(kOrder[i])] = static_cast<int16_t>(bits(3));
    Huffman codeLengths = build(lengths.data(), 19);
    int index = 0;
    lengths.fill(0);
    while (index < lengthCount + distanceCount) {
      int symbol = decode(codeLengths);
      if (symbol < 16) {
        lengths[static_cast<size_t>(index++)] = static_cast<int16_t>(symbol);
        continue;
      }
      int16_t previous = 0;
      int repeat = 0;
      if (symbol == 16) {
        if (index == 0) throw std::runtime_error("repeat with no previous length");
        previous = lengths[static_cast<size_t>(index - 1)];
        repeat = 3 + bits(2);
      } else if (symbol == 17) {
        repeat = 3 + bits(3);
      } else {
        repeat = 11 + bits(7);
      }
      if (index + repeat > lengthCount + distanceCount)
        throw std::runtime_error("too many lengths");
      while (repeat--) lengths[static_cast<size_t>(index++)] = previous;
    }
    codes(build(lengths.data(), lengthCount), build(lengths.data() + lengthCount, distanceCount));
  }

  const std::string& data_;
  size_t pos_;
  uint32_t bitBuffer_ = 0;
  int bitCount_ = 0;
  std::vector<uint8_t> out_;
};

struct Image {
  uint32_t width = 0;
  uint32_t height = 0;
  std::vector<std::array<uint8_t, 3>> pixels;  // RGB, row by row (alpha composited on white)
};

uint32_t bigEndian(const std::string& data, size_t at) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(data[at])) << 24) |
         (static_cast<uint32_t>(static_cast<uint8_t>(data[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<uint8_t>(data[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<uint8_t>(data[at + 3]));
}

// 8-bit RGB or RGBA, not interlaced: what rsvg-convert writes.
Image decodePng(const std::string& png) {
  REQUIRE(png.size() > 33);
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  Image image;
  std::string idat;
  int colourType = -1;
  for (size_t at = 8; at + 8 <= png.size();) {
    uint32_t length = bigEndian(png, at);
    std::string type = png.substr(at + 4, 4);
    if (type == "IHDR") {
      image.width = bigEndian(png, at + 8);
      image.height = bigEndian(png, at + 12);
      REQUIRE(static_cast<int>(png[at + 16]) == 8);  // bit depth
      colourType = png[at + 17];
      REQUIRE(static_cast<int>(png[at + 20]) == 0);  // no interlace
    } else if (type == "IDAT") {
      idat += png.substr(at + 8, length);
    }
    at += 12 + length;
  }
  REQUIRE((colourType == 2 || colourType == 6));
  size_t channels = colourType == 6 ? 4 : 3;
  std::vector<uint8_t> raw = Inflater(idat, 2).run();  // skip the 2-byte zlib header
  size_t stride = image.width * channels;
  REQUIRE(raw.size() >= (stride + 1) * image.height);
  std::vector<uint8_t> previous(stride, 0), row(stride);
  for (uint32_t y = 0; y < image.height; ++y) {
    const uint8_t* line = raw.data() + y * (stride + 1);
    int filter = line[0];
    for (size_t i = 0; i < stride; ++i) {
      int a = i >= channels ? row[i - channels] : 0;
      int b = previous[i];
      int c = i >= channels ? previous[i - channels] : 0;
      int value = line[i + 1];
      switch (filter) {
        case 0:
          break;
        case 1:
          value += a;
          break;
        case 2:
          value += b;
          break;
        case 3:
          value += (a + b) / 2;
          break;
        case 4: {
          int p = a + b - c;
          int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          value += (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
          break;
        }
        default:
          FAIL("bad PNG filter " << filter);
      }
      row[i] = static_cast<uint8_t>(value);
    }
    for (uint32_t x = 0; x < image.width; ++x) {
      const uint8_t* px = row.data() + x * channels;
      int alpha = channels == 4 ? px[3] : 255;
      std::array<uint8_t, 3> rgb{};
      for (size_t k = 0; k < 3; ++k)
        rgb[k] = static_cast<uint8_t>((px[k] * alpha + 255 * (255 - alpha)) / 255);
      image.pixels.push_back(rgb);
    }
    previous = row;
  }
  return image;
}

size_t countColour(const Image& image, std::array<uint8_t, 3> colour) {
  size_t count = 0;
  for (const auto& px : image.pixels) {
    if (px == colour) ++count;
  }
  return count;
}

bool haveRsvgConvert() { return std::system("command -v rsvg-convert >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("plan SVG is self-contained and sized as announced", "[plan][svg]") {
  auto result = runSamshift("plan -f svg fixtures/plan/predefined.yaml");
  REQUIRE(result.exitCode == 0);
  const std::string& svg = result.out;
  CHECK(svg.rfind(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "version=\"1.1\" width=\"880\" height=\"680\" viewBox=\"0 0 880 680\"",
            0) == 0);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("href") == std::string::npos);  // nothing external
  CHECK(svg.find("<style") == std::string::npos);
  CHECK(svg.size() > 1000);
  // One line per deployment, with its schedule as a tooltip, and one legend entry each.
  CHECK(svg.find("<title>Canary5: 10% at once, the remaining 90% after 5 minutes</title>") !=
        std::string::npos);
  CHECK(svg.find(">Linear10 (live): Linear10PercentEvery10Minutes, 90 minutes</text>") !=
        std::string::npos);
  CHECK(svg.find("<title>PreTraffic hook PreHook</title>") != std::string::npos);
  CHECK(svg.find("<title>PostTraffic hook PostHook</title>") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");

  auto loaded = samshift::load::loadFile("fixtures/plan/predefined.yaml");
  REQUIRE(loaded.ok());
  samshift::model::Template templ(loaded->root);
  samshift::sam::ParameterValues params(templ, {}, "us-east-1");
  auto size = samshift::plan::svgSize(samshift::plan::findDeployments(templ, params));
  CHECK(size.width == 880);
  CHECK(size.height == 680);  // 426 + 10 legend rows of 22 + 1 wrapped line of 16 + 18
}

TEST_CASE("plan SVG renders to a non-blank PNG of the expected size", "[plan][svg]") {
  if (!haveRsvgConvert()) {
    WARN(
        "SKIPPED: rsvg-convert is not installed (Debian package librsvg2-bin); the SVG was not "
        "rendered");
    return;
  }
  TempDir dir;
  auto svgPath = dir.path() / "plan.svg";
  auto pngPath = dir.path() / "plan.png";
  auto result =
      runSamshift("plan -f svg -o " + svgPath.string() + " fixtures/plan/explicit_aliases.yaml");
  REQUIRE(result.exitCode == 0);
  std::string command = "rsvg-convert -o '" + pngPath.string() + "' '" + svgPath.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  Image image = decodePng(readFile(pngPath));
  CHECK(image.width == 880);
  CHECK(image.height == 542);  // 426 + 3 rows of 22 + 2 wrapped lines of 16 + 18
  REQUIRE(image.pixels.size() == size_t{880} * 542);
  size_t white = countColour(image, {255, 255, 255});
  size_t inked = image.pixels.size() - white;
  INFO("inked pixels: " << inked);
  CHECK(inked > 10000);                    // not blank: axes, grid, lines, text
  CHECK(white > image.pixels.size() / 2);  // and not a flood of colour
  // The CodeDeploy canary line (first colour, #0072B2) and the routing weight (#D55E00).
  CHECK(countColour(image, {0x00, 0x72, 0xB2}) > 800);
  CHECK(countColour(image, {0xD5, 0x5E, 0x00}) > 300);
  // The canary jumps to 100% at minute 15: at x = 70 + 780 * 15 / 16 the line runs from the
  // 10% level to the 100% level, so the column holds the line colour over most of the plot.
  size_t column = static_cast<size_t>(70 + 780 * 15 / 16);
  size_t blue = 0;
  for (size_t y = 80; y < 320; ++y) {
    const auto& px = image.pixels[y * 880 + column];
    if (px[2] > 150 && px[0] < 60) ++blue;
  }
  CHECK(blue > 200);
}

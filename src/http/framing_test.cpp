//! Request framing: which Transfer-Encoding values let the server read a body (RFC 9112 section 6.1).
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace motcua::http {

TEST(ClassifyTransferEncoding, OnlyOneChunkedFramesABody) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(ClassifyTransferEncoding(V{}, false), TransferCoding::kNone);
  EXPECT_EQ(ClassifyTransferEncoding(V{"chunked"}, false), TransferCoding::kChunked);
  EXPECT_EQ(ClassifyTransferEncoding(V{"Chunked"}, false), TransferCoding::kChunked);
  EXPECT_EQ(ClassifyTransferEncoding(V{" chunked\t"}, false), TransferCoding::kChunked);
}

TEST(ClassifyTransferEncoding, AnyOtherCodingIsNotImplemented) {
  using V = std::vector<std::string_view>;
  for (const V& v : {V{"xchunked"}, V{"gzip"}, V{"chunked, gzip"}, V{"gzip, chunked"}, V{"gzip", "chunked"},
                     V{"chunked;q=1"}, V{"identity"}, V{"chunked-false"}, V{"deflate"}}) {
    EXPECT_EQ(ClassifyTransferEncoding(v, false), TransferCoding::kUnsupported) << v.front();
  }
}

TEST(ClassifyTransferEncoding, FaultyFramingIsInvalid) {
  using V = std::vector<std::string_view>;
  for (const V& v : {V{""}, V{" "}, V{"chunked,"}, V{",chunked"}, V{"chunked, chunked"}, V{"chunked", "chunked"}}) {
    EXPECT_EQ(ClassifyTransferEncoding(v, false), TransferCoding::kInvalid) << v.front();
  }
  EXPECT_EQ(ClassifyTransferEncoding(V{"chunked"}, true), TransferCoding::kInvalid);  // HTTP/1.0
}

TEST(ReasonPhrase, NamesNotImplemented) { EXPECT_EQ(ReasonPhrase(kNotImplemented), "Not Implemented"); }

}  // namespace motcua::http

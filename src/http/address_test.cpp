//! Address ranges for allow-lists: IPv4 and IPv6, CIDR prefixes, IPv4-mapped clients, and everything malformed refused.
#include "http/address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::http {
namespace {

bool Allowed(const std::vector<std::string>& list, std::string_view address) {
  return AddressAllowList(list).Allows(address);
}

TEST(AddressRange, MatchesIpv4Prefixes) {
  EXPECT_TRUE(Allowed({"10.0.0.0/8"}, "10.200.3.4"));
  EXPECT_FALSE(Allowed({"10.0.0.0/8"}, "11.0.0.1"));
  EXPECT_TRUE(Allowed({"192.168.1.0/24"}, "192.168.1.255"));
  EXPECT_FALSE(Allowed({"192.168.1.0/24"}, "192.168.2.0"));
  EXPECT_TRUE(Allowed({"172.16.0.0/12"}, "172.31.255.255"));
  EXPECT_FALSE(Allowed({"172.16.0.0/12"}, "172.32.0.0"));
  EXPECT_TRUE(Allowed({"0.0.0.0/0"}, "203.0.113.9"));
  EXPECT_FALSE(Allowed({"0.0.0.0/0"}, "2001:db8::1"));  // every IPv4 address, no IPv6 one
}

TEST(AddressRange, ASingleAddressIsItsOwnRange) {
  EXPECT_TRUE(Allowed({"127.0.0.1"}, "127.0.0.1"));
  EXPECT_FALSE(Allowed({"127.0.0.1"}, "127.0.0.2"));
  EXPECT_TRUE(Allowed({"::1"}, "::1"));
  EXPECT_FALSE(Allowed({"::1"}, "127.0.0.1"));
}

TEST(AddressRange, MatchesIpv6PrefixesAndIpv4MappedClients) {
  EXPECT_TRUE(Allowed({"2001:db8::/32"}, "2001:db8:ffff::1"));
  EXPECT_FALSE(Allowed({"2001:db8::/32"}, "2001:db9::1"));
  EXPECT_TRUE(Allowed({"fd00::/8"}, "fdab::7"));
  // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d.
  EXPECT_TRUE(Allowed({"10.0.0.0/8"}, "::ffff:10.1.2.3"));
  EXPECT_TRUE(Allowed({"127.0.0.1"}, "::ffff:127.0.0.1"));
  EXPECT_TRUE(Allowed({"::ffff:10.0.0.0/104"}, "10.9.9.9"));
}

TEST(AddressRange, AnyOfSeveralRanges) {
  const std::vector<std::string> list = {"127.0.0.1", "10.0.0.0/8", "2001:db8::/48"};
  EXPECT_TRUE(Allowed(list, "127.0.0.1"));
  EXPECT_TRUE(Allowed(list, "10.1.1.1"));
  EXPECT_TRUE(Allowed(list, "2001:db8:0:1::"));
  EXPECT_FALSE(Allowed(list, "192.0.2.1"));
}

TEST(AddressRange, AnEmptyListOrAnUnreadableClientAllowsNobody) {
  EXPECT_FALSE(Allowed({}, "127.0.0.1"));
  EXPECT_FALSE(Allowed({"0.0.0.0/0", "::/0"}, ""));
  EXPECT_FALSE(Allowed({"0.0.0.0/0", "::/0"}, "localhost"));
  EXPECT_FALSE(Allowed({"0.0.0.0/0", "::/0"}, "10.0.0.1, 127.0.0.1"));
}

TEST(AddressRange, RefusesMalformedRanges) {
  for (const std::string bad : {"",
                                "/8",
                                "10.0.0.0/",
                                "10.0.0.0/33",
                                "10.0.0.0/-1",
                                "10.0.0.0/+8",
                                "10.0.0.0/08x",
                                "10.0.0.0/8/8",
                                "10.0.0.1/8",
                                "10.0.0",
                                "10.0.0.0.0",
                                "256.0.0.1",
                                "010.0.0.1",
                                " 10.0.0.0/8",
                                "10.0.0.0/8 ",
                                "localhost",
                                "::1/129",
                                "2001:db8::1/32",
                                "fe80::1%eth0",
                                "[::1]",
                                "::1:8080:",
                                "10.0.0.0/8,11.0.0.0/8",
                                "1.2.3.4:80",
                                "0x7f.0.0.1",
                                "::/0000"}) {
    EXPECT_FALSE(ParseAddressRange(bad).has_value()) << bad;
  }
}

TEST(AddressRange, AListWithAMalformedRangeIsRefusedWhole) {
  EXPECT_THROW(AddressAllowList({"127.0.0.1", "10.0.0.1/8"}), std::invalid_argument);
}

}  // namespace
}  // namespace motcua::http

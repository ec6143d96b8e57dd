;;; :std/text/hex, base64 and utf8 (doc/reference/std/text/hex.md, base64.md, utf8.md)
(import :std/test :std/error :std/text/hex :std/text/base64 :std/text/utf8)
(export text-codecs-test)
(def text-codecs-test
  (test-suite ":std/text/hex, base64 and utf8"
    (test-case "hex"
      (check (hex-encode #u8(0 171 255)) => "00abff")
      (check (hex-decode "00ABff") => #u8(0 171 255))
      (check (unhex* #\z) => #f)
      (check-exception (unhex #\z) error-object?))
    (test-case "base64"
      (check (base64-encode (string->utf8 "foobar")) => "Zm9vYmFy")
      (check (base64-encode (string->utf8 "fo") padding?: #f) => "Zm8")
      (check (utf8->string (base64-decode "Zm8")) => "fo")
      (check (base64-decode "-_8" urlsafe?: #t) => #u8(251 255))
      (check-exception (base64-decode "Zm8" nopadding-ok?: #f) error-object?))
    (test-case "utf8"
      (check (string->utf8 "é") => #u8(195 169))
      (check (utf8-decode #u8(97 195 169) 1 3) => "é")
      (check (string-utf8-length "aé€") => 6)
      ;; the page's "| error" for what is no string or u8vector: a contract violation
      (check-exception (string->utf8 #f) contract-violation-error?)
      (check-exception (string-utf8-length 'x) contract-violation-error?)
      (check-exception (utf8->string "abc") contract-violation-error?))))

;;; :std/text/json (doc/reference/std/text/json.md)
(import :std/test :std/text/json)
(export json-test)
(def json-test
  (test-suite ":std/text/json"
    (test-case "reading"
      (check (string->json-object "[1,2.5,\"a\",true,null]") => [1 2.5 "a" #t (void)])
      (check (hash-ref (string->json-object "{\"k\":[]}") "k") => '())
      (check (parameterize ((read-json-key-as-symbol? #t)) (hash->list (string->json-object "{\"a\":1}"))) => '((a . 1)))
      (check (parameterize ((read-json-array-as-vector? #t)) (string->json-object "[1,[2]]")) => #(1 #(2)))
      (check-exception (string->json-object "[1,") error-object?))
    (test-case "writing"
      (check (json-object->string [1 .5 "q\"" #f]) => "[1,0.5,\"q\\\"\",false]")
      (check (parameterize ((write-json-sort-keys? #t)) (json-object->string (hash (b 1) (a 2)))) => "{\"a\":2,\"b\":1}")
      (check (pretty-json [1]) => "[\n  1\n]")
      (check-output (write-json (hash)) "{}")
      (check-exception (json-object->string (list car)) error-object?))))

;;; :std/misc/alist and :std/misc/plist (doc/reference/std/misc/alist.md, plist.md)
(import :std/test :std/error :std/misc/alist :std/misc/plist)
(export alist-plist-test)
(def alist-plist-test
  (test-suite ":std/misc/alist and :std/misc/plist"
    (test-case "alists"
      (check (alist? '((a . 1) (b 2))) => #t)
      (check (alist? '(a 1)) => #f)
      (check (plist->alist '(1 a 2 b)) => '((1 . a) (2 . b)))
      (check-exception (plist->alist '(1)) error-object?)
      (let (p (list (cons 'a 1) (cons 'b 2)))
        (asetq! p 'c 3)
        (aremq! 'a p)
        (check p => '((c . 3) (b . 2))))
      (check (acons 1 2 '()) => '((1 . 2)))
      ;; the page: removing the last entry destructively is not allowed; it is the caller's contract
      (check-exception (aremq! 'a [['a . 1]]) contract-violation-error?)
      (check-exception (asetq! [] 'a 1) contract-violation-error?))
    (test-case "plists"
      (check (plist? '(a 1 b 2)) => #t)
      (check (plist? '(a)) => #f)
      (check (alist->plist '((1 . 10) (2 . 20))) => '(1 10 2 20))
      (let (p (list 'a 1 'b 2))
        (psetq! p 'c 3)
        (premq! 'a p)
        (check p => '(c 3 b 2)))
      (check (pset '() 'a 1) => '(a 1))
      (check-exception (premq! 'a ['a 1]) contract-violation-error?))))

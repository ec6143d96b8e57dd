;;; :std/coroutine (cons.io reference/std/coroutine.html): continuation-based coroutines.
;;; A coroutine keeps the continuation to resume its body and the continuation of the latest
;;; `continue`, to which `yield` (or the body's end) returns. Thread-based cothreads need the
;;; SMP machine's threads and are not here yet.
(export coroutine coroutine? continue yield)

(def current-coroutine (make-parameter #f))

(defstruct co (resume return done))

(def (coroutine proc . args)
  (let (c (make-co #f #f #f))
    (set! (co-resume c)
      (lambda ignored
        (let (result (apply proc args))
          (set! (co-done c) #t)
          ((co-return c) result))))
    c))

(def (coroutine? x) (co? x))

(def (continue c . vals)
  (unless (co? c) (error "continue: not a coroutine" c))
  (when (co-done c) (error "continue: the coroutine has finished" c))
  (call/cc
   (lambda (return)
     (set! (co-return c) return)
     (parameterize ((current-coroutine c))
       (apply (co-resume c) vals)))))

(def (yield . vals)
  (let (c (current-coroutine))
    (unless c (error "yield: not inside a coroutine"))
    (call/cc
     (lambda (k)
       (set! (co-resume c) (lambda args (apply k args)))
       (apply (co-return c) vals)))))

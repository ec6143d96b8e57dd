;;; :gerbil/core -- Gerbil's core prelude (doc/reference/gerbil/prelude/): in Safepoint its forms
;;; and runtime bindings are there in every module from the start, so importing it binds nothing
;;; new; it exists so that Gerbil files that import it load.
(export)

r"""Cuenta las palabras de un texto y muestra las más frecuentes.

Uso, desde la carpeta del laboratorio en tu máquina (el driver se
ejecuta en el contenedor del master; /opt/spark/bin no está en el PATH):
  docker compose exec spark-master /opt/spark/bin/spark-submit \
      --master spark://spark-master:7077 \
      /opt/spark/trabajos/contar_palabras.py [RUTA]

RUTA es el texto que se va a leer. Por defecto, el de ejemplo montado
en /opt/spark/trabajos. Con HDFS: hdfs://namenode:8020/entrada/...
"""
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

RUTA_POR_DEFECTO = "/opt/spark/trabajos/quijote.txt"
ruta = sys.argv[1] if len(sys.argv) > 1 else RUTA_POR_DEFECTO

spark = SparkSession.builder.appName("contar-palabras").getOrCreate()
spark.sparkContext.setLogLevel("WARN")  # menos mensajes desde aquí

# Cada línea del archivo es una fila con una sola columna: «value».
lineas = spark.read.text(ruta)

# Minúsculas, corte por todo lo que no sea una letra (\p{L} incluye
# á, é, ñ...) y una fila por palabra.
trozos = F.split(F.lower(F.col("value")), r"[^\p{L}]+")
palabras = lineas.select(F.explode(trozos).alias("palabra"))
palabras = palabras.where(F.col("palabra") != "")

conteo = (
    palabras.groupBy("palabra")
    .agg(F.count("*").alias("veces"))
    .orderBy(F.desc("veces"), F.asc("palabra"))
)

print(f"Palabras en total: {palabras.count()}")
print(f"Palabras distintas: {conteo.count()}")
conteo.show(10)

spark.stop()

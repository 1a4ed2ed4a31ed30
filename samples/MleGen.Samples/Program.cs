System.Console.WriteLine("MleGen samples");
